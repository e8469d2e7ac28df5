// Generated from openapi.yaml by scripts/generate-api-document: edit the YAML, then run the script.
// scripts/test fails when this file and openapi.yaml disagree.
// swift-format-ignore-file

extension APIContract {
    /// The API document, as JSON.
    static let documentText = ###"""
{
 "components": {
  "responses": {
   "Forbidden": {
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    },
    "description": "Signed in but not allowed (FORBIDDEN); see docs/permissions.md"
   },
   "InvalidRequest": {
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    },
    "description": "A parameter or the body is invalid: details.fields names each problem (VALIDATION_FAILED)"
   },
   "NotSignedIn": {
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    },
    "description": "Not signed in (UNAUTHORIZED)"
   },
   "RateLimited": {
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    },
    "description": "Too many requests from this address (RATE_LIMITED, with Retry-After)"
   },
   "RuleRefused": {
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    },
    "description": "Well formed, but contradicting itself or the data it names, or refused by a rule no schema states, such as a name that trimming leaves too short (VALIDATION_FAILED, the field named)"
   },
   "UnsupportedMediaType": {
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    },
    "description": "The body is missing or not JSON (UNSUPPORTED_MEDIA_TYPE)"
   }
  },
  "schemas": {
   "Accepted": {
    "properties": {
     "message": {
      "type": "string"
     }
    },
    "required": [
     "message"
    ],
    "type": "object"
   },
   "AddMemberRequest": {
    "additionalProperties": false,
    "properties": {
     "email": {
      "maxLength": 254,
      "pattern": "^[ \\t\\r\\n]*[^\\s@<>,\\u0000-\\u001F\\u007F-\\u009F]{1,64}@[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+(\\.[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+)+[ \\t\\r\\n]*$",
      "type": "string"
     },
     "role": {
      "enum": [
       "owner",
       "organizer",
       "staff",
       "viewer"
      ],
      "type": "string"
     }
    },
    "required": [
     "email",
     "role"
    ],
    "type": "object"
   },
   "AssignEventsRequest": {
    "additionalProperties": false,
    "properties": {
     "eventIds": {
      "items": {
       "format": "uuid",
       "type": "string"
      },
      "type": "array"
     }
    },
    "required": [
     "eventIds"
    ],
    "type": "object"
   },
   "AttendeeRequest": {
    "additionalProperties": false,
    "properties": {
     "dietaryRestrictions": {
      "maxLength": 500,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "email": {
      "maxLength": 254,
      "pattern": "^[ \\t\\r\\n]*[^\\s@<>,\\u0000-\\u001F\\u007F-\\u009F]{1,64}@[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+(\\.[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+)+[ \\t\\r\\n]*$",
      "type": "string"
     },
     "emergencyContact": {
      "maxLength": 200,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "name": {
      "maxLength": 100,
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": "string"
     }
    },
    "required": [
     "email",
     "name"
    ],
    "type": "object"
   },
   "AttendeeSearch": {
    "properties": {
     "attendees": {
      "items": {
       "properties": {
        "attendee": {
         "properties": {
          "dietaryRestrictions": {
           "type": "string"
          },
          "email": {
           "type": "string"
          },
          "emergencyContact": {
           "type": "string"
          },
          "name": {
           "type": "string"
          }
         },
         "required": [
          "email",
          "name"
         ],
         "type": "object"
        },
        "checkedInSessionIds": {
         "deprecated": true,
         "items": {
          "format": "uuid",
          "type": "string"
         },
         "type": "array"
        },
        "checkedInSessionUuids": {
         "description": "The sessions' UUIDs (named apart from the catalog's session codes)",
         "items": {
          "format": "uuid",
          "type": "string"
         },
         "type": "array"
        },
        "orderNumber": {
         "type": "string"
        },
        "status": {
         "type": "string"
        },
        "ticketId": {
         "format": "uuid",
         "type": "string"
        },
        "ticketTypeName": {
         "type": "string"
        }
       },
       "required": [
        "attendee",
        "checkedInSessionIds",
        "checkedInSessionUuids",
        "orderNumber",
        "status",
        "ticketId",
        "ticketTypeName"
       ],
       "type": "object"
      },
      "type": "array"
     }
    },
    "required": [
     "attendees"
    ],
    "type": "object"
   },
   "AuditLog": {
    "properties": {
     "action": {
      "type": "string"
     },
     "actorId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "actorKind": {
      "enum": [
       "user",
       "anonymous",
       "system"
      ],
      "type": "string"
     },
     "details": {
      "additionalProperties": true,
      "type": "object"
     },
     "id": {
      "format": "uuid",
      "type": "string"
     },
     "ip": {
      "type": [
       "string",
       "null"
      ]
     },
     "occurredAt": {
      "format": "date-time",
      "type": "string"
     },
     "organizationId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "requestId": {
      "type": [
       "string",
       "null"
      ]
     },
     "targetId": {
      "type": [
       "string",
       "null"
      ]
     },
     "targetType": {
      "type": "string"
     },
     "userAgent": {
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "action",
     "actorKind",
     "details",
     "id",
     "occurredAt",
     "targetType"
    ],
    "type": "object"
   },
   "AuditLogPage": {
    "properties": {
     "items": {
      "items": {
       "$ref": "#/components/schemas/AuditLog"
      },
      "type": "array"
     },
     "page": {
      "type": "integer"
     },
     "perPage": {
      "type": "integer"
     },
     "total": {
      "type": "integer"
     }
    },
    "required": [
     "items",
     "page",
     "perPage",
     "total"
    ],
    "type": "object"
   },
   "Availability": {
    "properties": {
     "eventId": {
      "format": "uuid",
      "type": "string"
     },
     "lastCalculated": {
      "format": "date-time",
      "type": "string"
     },
     "sessions": {
      "items": {
       "$ref": "#/components/schemas/SessionAvailability"
      },
      "type": "array"
     },
     "ticketTypes": {
      "items": {
       "$ref": "#/components/schemas/TicketTypeAvailability"
      },
      "type": "array"
     }
    },
    "required": [
     "eventId",
     "lastCalculated",
     "sessions",
     "ticketTypes"
    ],
    "type": "object"
   },
   "Campaign": {
    "properties": {
     "body": {
      "type": "string"
     },
     "campaignId": {
      "format": "uuid",
      "type": "string"
     },
     "createdAt": {
      "format": "date-time",
      "type": "string"
     },
     "recipients": {
      "type": "integer"
     },
     "state": {
      "enum": [
       "queued",
       "sent"
      ],
      "type": "string"
     },
     "subject": {
      "type": "string"
     }
    },
    "required": [
     "body",
     "campaignId",
     "createdAt",
     "recipients",
     "state",
     "subject"
    ],
    "type": "object"
   },
   "CampaignList": {
    "properties": {
     "campaigns": {
      "items": {
       "$ref": "#/components/schemas/Campaign"
      },
      "type": "array"
     }
    },
    "required": [
     "campaigns"
    ],
    "type": "object"
   },
   "CampaignRequest": {
    "additionalProperties": false,
    "properties": {
     "body": {
      "maxLength": 20000,
      "minLength": 1,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": "string"
     },
     "subject": {
      "maxLength": 200,
      "minLength": 1,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": "string"
     }
    },
    "required": [
     "body",
     "subject"
    ],
    "type": "object"
   },
   "ChangePasswordRequest": {
    "additionalProperties": false,
    "properties": {
     "currentPassword": {
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": "string"
     },
     "newPassword": {
      "maxLength": 128,
      "minLength": 8,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": "string"
     }
    },
    "required": [
     "currentPassword",
     "newPassword"
    ],
    "type": "object"
   },
   "ChangeRoleRequest": {
    "additionalProperties": false,
    "properties": {
     "role": {
      "enum": [
       "owner",
       "organizer",
       "staff",
       "viewer"
      ],
      "type": "string"
     }
    },
    "required": [
     "role"
    ],
    "type": "object"
   },
   "Checkin": {
    "properties": {
     "attendee": {
      "properties": {
       "dietaryRestrictions": {
        "type": "string"
       },
       "email": {
        "type": "string"
       },
       "emergencyContact": {
        "type": "string"
       },
       "name": {
        "type": "string"
       }
      },
      "required": [
       "email",
       "name"
      ],
      "type": "object"
     },
     "checkedInAt": {
      "format": "date-time",
      "type": "string"
     },
     "checkinId": {
      "format": "uuid",
      "type": "string"
     },
     "eventId": {
      "format": "uuid",
      "type": "string"
     },
     "gate": {
      "type": "string"
     },
     "method": {
      "enum": [
       "scan",
       "manual",
       "offline"
      ],
      "type": "string"
     },
     "replayed": {
      "type": "boolean"
     },
     "sessionCode": {
      "type": "string"
     },
     "sessionId": {
      "deprecated": true,
      "format": "uuid",
      "type": "string"
     },
     "sessionUuid": {
      "description": "The session's UUID (named apart from the catalog's sessionId, the code S1)",
      "format": "uuid",
      "type": "string"
     },
     "station": {
      "type": "string"
     },
     "ticketId": {
      "format": "uuid",
      "type": "string"
     },
     "ticketTypeName": {
      "type": "string"
     }
    },
    "required": [
     "checkedInAt",
     "checkinId",
     "eventId",
     "method",
     "replayed",
     "sessionCode",
     "sessionId",
     "sessionUuid",
     "ticketId",
     "ticketTypeName"
    ],
    "type": "object"
   },
   "CheckinConflictList": {
    "properties": {
     "conflicts": {
      "items": {
       "properties": {
        "conflictId": {
         "format": "uuid",
         "type": "string"
        },
        "firstCheckedInAt": {
         "format": "date-time",
         "type": "string"
        },
        "firstGate": {
         "type": "string"
        },
        "gate": {
         "type": "string"
        },
        "recordedAt": {
         "format": "date-time",
         "type": "string"
        },
        "scannedAt": {
         "format": "date-time",
         "type": "string"
        },
        "sessionId": {
         "deprecated": true,
         "format": "uuid",
         "type": "string"
        },
        "sessionUuid": {
         "description": "The session's UUID (named apart from the catalog's sessionId, the code S1)",
         "format": "uuid",
         "type": "string"
        },
        "station": {
         "type": "string"
        },
        "ticketId": {
         "format": "uuid",
         "type": "string"
        }
       },
       "required": [
        "conflictId",
        "firstCheckedInAt",
        "recordedAt",
        "scannedAt",
        "sessionId",
        "sessionUuid",
        "ticketId"
       ],
       "type": "object"
      },
      "type": "array"
     }
    },
    "required": [
     "conflicts"
    ],
    "type": "object"
   },
   "CheckinRequest": {
    "additionalProperties": false,
    "properties": {
     "eventId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "gate": {
      "maxLength": 80,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "nonce": {
      "maxLength": 100,
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "secret": {
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "sessionId": {
      "description": "A session ID or code (S2)",
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [],
    "type": "object"
   },
   "CheckinStats": {
    "properties": {
     "doubleAdmits": {
      "type": "integer"
     },
     "eventId": {
      "format": "uuid",
      "type": "string"
     },
     "gates": {
      "items": {
       "properties": {
        "admitted": {
         "type": "integer"
        },
        "gate": {
         "type": "string"
        }
       },
       "required": [
        "admitted",
        "gate"
       ],
       "type": "object"
      },
      "type": "array"
     },
     "intervals": {
      "items": {
       "properties": {
        "admitted": {
         "type": "integer"
        },
        "startsAt": {
         "format": "date-time",
         "type": "string"
        }
       },
       "required": [
        "admitted",
        "startsAt"
       ],
       "type": "object"
      },
      "type": "array"
     },
     "sessions": {
      "items": {
       "properties": {
        "admitted": {
         "type": "integer"
        },
        "name": {
         "type": "string"
        },
        "sessionCode": {
         "type": "string"
        },
        "sessionId": {
         "deprecated": true,
         "format": "uuid",
         "type": "string"
        },
        "sessionUuid": {
         "description": "The session's UUID (named apart from the catalog's sessionId, the code S1)",
         "format": "uuid",
         "type": "string"
        },
        "sold": {
         "type": "integer"
        }
       },
       "required": [
        "admitted",
        "name",
        "sessionCode",
        "sessionId",
        "sessionUuid",
        "sold"
       ],
       "type": "object"
      },
      "type": "array"
     }
    },
    "required": [
     "doubleAdmits",
     "eventId",
     "gates",
     "intervals",
     "sessions"
    ],
    "type": "object"
   },
   "CheckoutRequest": {
    "additionalProperties": false,
    "anyOf": [
     {
      "properties": {
       "quantity": {
        "not": {
         "type": "null"
        }
       },
       "ticketTypeId": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "ticketTypeId",
       "quantity"
      ]
     },
     {
      "properties": {
       "categoryId": {
        "not": {
         "type": "null"
        }
       },
       "quantity": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "categoryId",
       "quantity"
      ]
     },
     {
      "properties": {
       "holdId": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "holdId"
      ]
     },
     {
      "properties": {
       "lockId": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "lockId"
      ]
     }
    ],
    "properties": {
     "attendees": {
      "description": "The holders of the first tickets (the buyer holds the rest); more than the tickets is a 409",
      "items": {
       "additionalProperties": false,
       "properties": {
        "dietaryRestrictions": {
         "maxLength": 500,
         "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
         "type": [
          "string",
          "null"
         ]
        },
        "email": {
         "maxLength": 254,
         "pattern": "^[ \\t\\r\\n]*[^\\s@<>,\\u0000-\\u001F\\u007F-\\u009F]{1,64}@[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+(\\.[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+)+[ \\t\\r\\n]*$",
         "type": "string"
        },
        "emergencyContact": {
         "maxLength": 200,
         "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
         "type": [
          "string",
          "null"
         ]
        },
        "name": {
         "maxLength": 100,
         "minLength": 1,
         "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
         "type": "string"
        }
       },
       "required": [
        "email",
        "name"
       ],
       "type": "object"
      },
      "maxItems": 10,
      "type": [
       "array",
       "null"
      ]
     },
     "buyerEmail": {
      "maxLength": 254,
      "pattern": "^[ \\t\\r\\n]*[^\\s@<>,\\u0000-\\u001F\\u007F-\\u009F]{1,64}@[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+(\\.[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+)+[ \\t\\r\\n]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "buyerName": {
      "maxLength": 100,
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "categoryId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "eventId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "holdId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "lockId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "notes": {
      "maxLength": 1000,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "paymentMethod": {
      "description": "offline (default), transfer, door, cash, invoice; card or CreditCard through the configured processor",
      "enum": [
       "offline",
       "transfer",
       "door",
       "cash",
       "invoice",
       "free",
       "card",
       "CreditCard",
       "credit_card",
       null
      ],
      "type": [
       "string",
       "null"
      ]
     },
     "paymentToken": {
      "description": "A payment method from the processor's card form (Stripe: pm_…), only with a card method (422 otherwise); handed to the processor, stored and logged nowhere",
      "maxLength": 255,
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "quantity": {
      "maximum": 10,
      "minimum": 1,
      "type": [
       "integer",
       "null"
      ]
     },
     "ticketTypeId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [],
    "type": "object"
   },
   "CreateEventRequest": {
    "additionalProperties": false,
    "properties": {
     "addressPlacesLimit": {
      "description": "Places one client address may have (0: no limit); default ADDRESS_PLACES_LIMIT",
      "maximum": 10000,
      "minimum": 0,
      "type": [
       "integer",
       "null"
      ]
     },
     "addressPlacesShare": {
      "description": "Percent of the smallest session's capacity one client address may have (0: no share limit); the lower of this and addressPlacesLimit applies; default ADDRESS_PLACES_SHARE",
      "maximum": 100,
      "minimum": 0,
      "type": [
       "integer",
       "null"
      ]
     },
     "buyerPlacesLimit": {
      "description": "Places one buyer may have, held, pending or sold (0: no limit); default BUYER_PLACES_LIMIT",
      "maximum": 10000,
      "minimum": 0,
      "type": [
       "integer",
       "null"
      ]
     },
     "category": {
      "maxLength": 100,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "currency": {
      "pattern": "^[A-Za-z]{3}$",
      "type": [
       "string",
       "null"
      ]
     },
     "eventType": {
      "enum": [
       "Class",
       "SocialEvent"
      ],
      "type": "string"
     },
     "fullDescription": {
      "description": "HTML, sanitised when kept",
      "maxLength": 50000,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "guestCheckout": {
      "description": "Whether buyers without an account may hold and order (default true)",
      "type": [
       "boolean",
       "null"
      ]
     },
     "imageUrl": {
      "maxLength": 2000,
      "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:([0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?(/(%[0-9A-Fa-f]{2}|[A-Za-z0-9._~!$&()*+,;=:@/-])*)?(\\?(%[0-9A-Fa-f]{2}|[A-Za-z0-9._~!$&()*+,;=:@/?-])*)?(#(%[0-9A-Fa-f]{2}|[A-Za-z0-9._~!$&()*+,;=:@/?-])*)?$",
      "type": [
       "string",
       "null"
      ]
     },
     "organizationId": {
      "format": "uuid",
      "type": "string"
     },
     "organizerIds": {
      "items": {
       "format": "uuid",
       "type": "string"
      },
      "type": [
       "array",
       "null"
      ]
     },
     "policiesProcedures": {
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "refundCutoffHours": {
      "maximum": 8760,
      "minimum": 0,
      "type": [
       "integer",
       "null"
      ]
     },
     "shortDescription": {
      "maxLength": 500,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "title": {
      "maxLength": 200,
      "minLength": 3,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]|<(?![A-Za-z/!?]))*$",
      "type": "string"
     },
     "venueId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "eventType",
     "organizationId",
     "title"
    ],
    "type": "object"
   },
   "CreateOrganizationRequest": {
    "additionalProperties": false,
    "properties": {
     "name": {
      "maxLength": 100,
      "minLength": 2,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]*$",
      "type": "string"
     },
     "slug": {
      "pattern": "^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "name"
    ],
    "type": "object"
   },
   "CreatePartnerKeyRequest": {
    "additionalProperties": false,
    "properties": {
     "name": {
      "maxLength": 100,
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]*$",
      "type": "string"
     }
    },
    "required": [
     "name"
    ],
    "type": "object"
   },
   "DoorSettings": {
    "properties": {
     "checkinClosesMinutesAfter": {
      "type": "integer"
     },
     "checkinOpensMinutesBefore": {
      "type": "integer"
     },
     "eventCode": {
      "type": "string"
     },
     "eventId": {
      "format": "uuid",
      "type": "string"
     },
     "publicKey": {
      "type": "string"
     },
     "signedTickets": {
      "type": "boolean"
     }
    },
    "required": [
     "checkinClosesMinutesAfter",
     "checkinOpensMinutesBefore",
     "eventId",
     "signedTickets"
    ],
    "type": "object"
   },
   "DoorSettingsRequest": {
    "additionalProperties": false,
    "properties": {
     "checkinClosesMinutesAfter": {
      "maximum": 10080,
      "minimum": 0,
      "type": [
       "integer",
       "null"
      ]
     },
     "checkinOpensMinutesBefore": {
      "maximum": 10080,
      "minimum": 0,
      "type": [
       "integer",
       "null"
      ]
     },
     "signedTickets": {
      "type": [
       "boolean",
       "null"
      ]
     }
    },
    "required": [],
    "type": "object"
   },
   "EmailPage": {
    "properties": {
     "emails": {
      "items": {
       "properties": {
        "attempts": {
         "type": "integer"
        },
        "createdAt": {
         "format": "date-time",
         "type": "string"
        },
        "emailId": {
         "format": "uuid",
         "type": "string"
        },
        "failedAt": {
         "format": "date-time",
         "type": "string"
        },
        "lastError": {
         "type": "string"
        },
        "orderId": {
         "format": "uuid",
         "type": "string"
        },
        "recipient": {
         "type": "string"
        },
        "sentAt": {
         "format": "date-time",
         "type": "string"
        },
        "state": {
         "enum": [
          "pending",
          "processing",
          "sent",
          "failed"
         ],
         "type": "string"
        },
        "topic": {
         "type": "string"
        }
       },
       "required": [
        "attempts",
        "createdAt",
        "emailId",
        "state",
        "topic"
       ],
       "type": "object"
      },
      "type": "array"
     },
     "page": {
      "type": "integer"
     },
     "perPage": {
      "type": "integer"
     }
    },
    "required": [
     "emails",
     "page",
     "perPage"
    ],
    "type": "object"
   },
   "EmailPreview": {
    "properties": {
     "html": {
      "type": "string"
     },
     "language": {
      "enum": [
       "en",
       "de"
      ],
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "subject": {
      "type": "string"
     },
     "text": {
      "type": "string"
     }
    },
    "required": [
     "html",
     "language",
     "name",
     "subject",
     "text"
    ],
    "type": "object"
   },
   "EmailSettings": {
    "properties": {
     "backgroundColor": {
      "type": "string"
     },
     "footerAddress": {
      "type": [
       "string",
       "null"
      ]
     },
     "language": {
      "enum": [
       "en",
       "de"
      ],
      "type": "string"
     },
     "logoUrl": {
      "type": [
       "string",
       "null"
      ]
     },
     "primaryColor": {
      "type": "string"
     },
     "replyTo": {
      "type": [
       "string",
       "null"
      ]
     },
     "timeZone": {
      "type": "string"
     }
    },
    "required": [
     "backgroundColor",
     "language",
     "primaryColor",
     "timeZone"
    ],
    "type": "object"
   },
   "EmailSettingsRequest": {
    "additionalProperties": false,
    "properties": {
     "backgroundColor": {
      "pattern": "^#[0-9A-Fa-f]{6}$",
      "type": [
       "string",
       "null"
      ]
     },
     "footerAddress": {
      "maxLength": 300,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "language": {
      "enum": [
       "en",
       "de",
       null
      ],
      "type": [
       "string",
       "null"
      ]
     },
     "primaryColor": {
      "pattern": "^#[0-9A-Fa-f]{6}$",
      "type": [
       "string",
       "null"
      ]
     },
     "replyTo": {
      "anyOf": [
       {
        "maxLength": 254,
        "pattern": "^[ \\t\\r\\n]*[^\\s@<>,\\u0000-\\u001F\\u007F-\\u009F]{1,64}@[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+(\\.[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+)+[ \\t\\r\\n]*$",
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "timeZone": {
      "description": "An IANA zone such as Europe/Berlin",
      "maxLength": 64,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [],
    "type": "object"
   },
   "EmailTemplateList": {
    "properties": {
     "templates": {
      "items": {
       "properties": {
        "languages": {
         "items": {
          "type": "string"
         },
         "type": "array"
        },
        "name": {
         "type": "string"
        }
       },
       "required": [
        "languages",
        "name"
       ],
       "type": "object"
      },
      "type": "array"
     }
    },
    "required": [
     "templates"
    ],
    "type": "object"
   },
   "Embedding": {
    "properties": {
     "allowedOrigins": {
      "items": {
       "type": "string"
      },
      "type": "array"
     }
    },
    "required": [
     "allowedOrigins"
    ],
    "type": "object"
   },
   "EmbeddingRequest": {
    "additionalProperties": false,
    "properties": {
     "allowedOrigins": {
      "items": {
       "pattern": "^([Hh][Tt][Tt][Pp][Ss]://[A-Za-z0-9.-]+|[Hh][Tt][Tt][Pp]://([Ll][Oo][Cc][Aa][Ll][Hh][Oo][Ss][Tt]|127\\.0\\.0\\.1))(:([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?$",
       "type": "string"
      },
      "maxItems": 20,
      "type": "array"
     }
    },
    "required": [
     "allowedOrigins"
    ],
    "type": "object"
   },
   "Error": {
    "properties": {
     "error": {
      "properties": {
       "code": {
        "description": "Stable machine code, such as VALIDATION_FAILED.",
        "type": "string"
       },
       "details": {
        "additionalProperties": true,
        "type": "object"
       },
       "message": {
        "type": "string"
       },
       "timestamp": {
        "format": "date-time",
        "type": "string"
       }
      },
      "required": [
       "code",
       "details",
       "message",
       "timestamp"
      ],
      "type": "object"
     }
    },
    "required": [
     "error"
    ],
    "type": "object"
   },
   "EventDetails": {
    "properties": {
     "addressPlacesLimit": {
      "type": "integer"
     },
     "addressPlacesShare": {
      "type": "integer"
     },
     "buyerPlacesLimit": {
      "type": "integer"
     },
     "category": {
      "type": "string"
     },
     "createdAt": {
      "format": "date-time",
      "type": "string"
     },
     "currency": {
      "type": "string"
     },
     "endDate": {
      "format": "date-time",
      "type": "string"
     },
     "eventId": {
      "format": "uuid",
      "type": "string"
     },
     "eventType": {
      "enum": [
       "Class",
       "SocialEvent"
      ],
      "type": "string"
     },
     "fullDescription": {
      "description": "Sanitised HTML",
      "type": "string"
     },
     "guestCheckout": {
      "type": "boolean"
     },
     "imageUrl": {
      "type": "string"
     },
     "isPublished": {
      "type": "boolean"
     },
     "organizationId": {
      "format": "uuid",
      "type": "string"
     },
     "organizers": {
      "items": {
       "$ref": "#/components/schemas/Organizer"
      },
      "type": "array"
     },
     "policiesProcedures": {
      "type": "string"
     },
     "refundCutoffHours": {
      "type": "integer"
     },
     "sessions": {
      "items": {
       "$ref": "#/components/schemas/Session"
      },
      "type": "array"
     },
     "shortDescription": {
      "type": "string"
     },
     "startDate": {
      "format": "date-time",
      "type": "string"
     },
     "status": {
      "enum": [
       "draft",
       "published",
       "cancelled",
       "archived"
      ],
      "type": "string"
     },
     "ticketTypes": {
      "items": {
       "$ref": "#/components/schemas/TicketType"
      },
      "type": "array"
     },
     "title": {
      "type": "string"
     },
     "updatedAt": {
      "format": "date-time",
      "type": "string"
     },
     "venue": {
      "$ref": "#/components/schemas/Venue"
     }
    },
    "required": [
     "createdAt",
     "currency",
     "eventId",
     "eventType",
     "fullDescription",
     "guestCheckout",
     "isPublished",
     "organizationId",
     "organizers",
     "sessions",
     "shortDescription",
     "status",
     "ticketTypes",
     "title",
     "updatedAt"
    ],
    "type": "object"
   },
   "EventList": {
    "properties": {
     "events": {
      "items": {
       "$ref": "#/components/schemas/EventSummary"
      },
      "type": "array"
     },
     "page": {
      "type": "integer"
     },
     "perPage": {
      "type": "integer"
     },
     "total": {
      "type": "integer"
     }
    },
    "required": [
     "events",
     "page",
     "perPage",
     "total"
    ],
    "type": "object"
   },
   "EventSummary": {
    "properties": {
     "availableSpots": {
      "type": "integer"
     },
     "category": {
      "type": "string"
     },
     "currency": {
      "type": "string"
     },
     "endDate": {
      "format": "date-time",
      "type": "string"
     },
     "eventId": {
      "format": "uuid",
      "type": "string"
     },
     "eventType": {
      "enum": [
       "Class",
       "SocialEvent"
      ],
      "type": "string"
     },
     "hasMultipleSessions": {
      "type": "boolean"
     },
     "highestPrice": {
      "description": "Major units of `currency`, e.g. 120.00",
      "type": "number"
     },
     "imageUrl": {
      "type": "string"
     },
     "lowestPrice": {
      "description": "Major units of `currency`, e.g. 120.00",
      "type": "number"
     },
     "organizationId": {
      "format": "uuid",
      "type": "string"
     },
     "sessionCount": {
      "type": "integer"
     },
     "shortDescription": {
      "type": "string"
     },
     "startDate": {
      "format": "date-time",
      "type": "string"
     },
     "status": {
      "enum": [
       "draft",
       "published",
       "cancelled",
       "archived"
      ],
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "totalCapacity": {
      "type": "integer"
     },
     "venue": {
      "type": "string"
     }
    },
    "required": [
     "availableSpots",
     "currency",
     "eventId",
     "eventType",
     "hasMultipleSessions",
     "organizationId",
     "sessionCount",
     "shortDescription",
     "status",
     "title",
     "totalCapacity"
    ],
    "type": "object"
   },
   "ForgotPasswordRequest": {
    "additionalProperties": false,
    "properties": {
     "email": {
      "maxLength": 254,
      "pattern": "^[ \\t\\r\\n]*[^\\s@<>,\\u0000-\\u001F\\u007F-\\u009F]{1,64}@[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+(\\.[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+)+[ \\t\\r\\n]*$",
      "type": "string"
     }
    },
    "required": [
     "email"
    ],
    "type": "object"
   },
   "HealthReport": {
    "properties": {
     "connections": {
      "properties": {
       "clientsGone": {
        "type": "integer"
       },
       "max": {
        "type": "integer"
       },
       "maxPerPeer": {
        "type": "integer"
       },
       "open": {
        "type": "integer"
       }
      },
      "required": [
       "clientsGone",
       "max",
       "maxPerPeer",
       "open"
      ],
      "type": "object"
     },
     "database": {
      "properties": {
       "connected": {
        "type": "boolean"
       },
       "kind": {
        "enum": [
         "sqlite",
         "postgres"
        ],
        "type": "string"
       },
       "status": {
        "enum": [
         "healthy",
         "degraded",
         "unhealthy"
        ],
        "type": "string"
       }
      },
      "required": [
       "connected",
       "kind",
       "status"
      ],
      "type": "object"
     },
     "email": {
      "enum": [
       "file",
       "smtp"
      ],
      "type": "string"
     },
     "status": {
      "enum": [
       "healthy",
       "degraded",
       "unhealthy"
      ],
      "type": "string"
     },
     "storage": {
      "enum": [
       "configured",
       "not_configured",
       "unavailable"
      ],
      "type": "string"
     },
     "version": {
      "type": "string"
     }
    },
    "required": [
     "connections",
     "database",
     "email",
     "status",
     "storage",
     "version"
    ],
    "type": "object"
   },
   "Hold": {
    "properties": {
     "cartToken": {
      "type": "string"
     },
     "eventId": {
      "format": "uuid",
      "type": "string"
     },
     "expiresAt": {
      "format": "date-time",
      "type": "string"
     },
     "holdId": {
      "format": "uuid",
      "type": "string"
     },
     "quantity": {
      "maximum": 10,
      "minimum": 1,
      "type": "integer"
     },
     "sessions": {
      "items": {
       "type": "string"
      },
      "type": "array"
     },
     "ticketTypeId": {
      "format": "uuid",
      "type": "string"
     }
    },
    "required": [
     "eventId",
     "expiresAt",
     "holdId",
     "quantity",
     "sessions",
     "ticketTypeId"
    ],
    "type": "object"
   },
   "HoldCheckoutRequest": {
    "additionalProperties": false,
    "anyOf": [
     {
      "properties": {
       "holdId": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "holdId"
      ]
     },
     {
      "properties": {
       "lockId": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "lockId"
      ]
     }
    ],
    "properties": {
     "attendees": {
      "description": "The holders of the first tickets (the buyer holds the rest); more than the tickets is a 409",
      "items": {
       "additionalProperties": false,
       "properties": {
        "dietaryRestrictions": {
         "maxLength": 500,
         "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
         "type": [
          "string",
          "null"
         ]
        },
        "email": {
         "maxLength": 254,
         "pattern": "^[ \\t\\r\\n]*[^\\s@<>,\\u0000-\\u001F\\u007F-\\u009F]{1,64}@[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+(\\.[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+)+[ \\t\\r\\n]*$",
         "type": "string"
        },
        "emergencyContact": {
         "maxLength": 200,
         "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
         "type": [
          "string",
          "null"
         ]
        },
        "name": {
         "maxLength": 100,
         "minLength": 1,
         "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
         "type": "string"
        }
       },
       "required": [
        "email",
        "name"
       ],
       "type": "object"
      },
      "maxItems": 10,
      "type": [
       "array",
       "null"
      ]
     },
     "buyerEmail": {
      "maxLength": 254,
      "pattern": "^[ \\t\\r\\n]*[^\\s@<>,\\u0000-\\u001F\\u007F-\\u009F]{1,64}@[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+(\\.[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+)+[ \\t\\r\\n]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "buyerName": {
      "maxLength": 100,
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "categoryId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "eventId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "holdId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "lockId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "notes": {
      "maxLength": 1000,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "paymentMethod": {
      "description": "offline (default), transfer, door, cash, invoice; card or CreditCard through the configured processor",
      "enum": [
       "offline",
       "transfer",
       "door",
       "cash",
       "invoice",
       "free",
       "card",
       "CreditCard",
       "credit_card",
       null
      ],
      "type": [
       "string",
       "null"
      ]
     },
     "paymentToken": {
      "description": "A payment method from the processor's card form (Stripe: pm_…), only with a card method (422 otherwise); handed to the processor, stored and logged nowhere",
      "maxLength": 255,
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "quantity": {
      "maximum": 10,
      "minimum": 1,
      "type": [
       "integer",
       "null"
      ]
     },
     "ticketTypeId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [],
    "type": "object"
   },
   "HoldList": {
    "properties": {
     "holds": {
      "items": {
       "$ref": "#/components/schemas/Hold"
      },
      "type": "array"
     }
    },
    "required": [
     "holds"
    ],
    "type": "object"
   },
   "HoldRequest": {
    "additionalProperties": false,
    "anyOf": [
     {
      "properties": {
       "ticketTypeId": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "ticketTypeId"
      ]
     },
     {
      "properties": {
       "categoryId": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "categoryId"
      ]
     }
    ],
    "properties": {
     "categoryId": {
      "deprecated": true,
      "description": "The ticket type's ID under the name the live-updates protocol gives it (ticket categories)",
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "eventId": {
      "description": "Sent by older clients and not read (the ticket type names its event)",
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "quantity": {
      "description": "1 when left out",
      "maximum": 10,
      "minimum": 1,
      "type": [
       "integer",
       "null"
      ]
     },
     "ticketTypeId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "type": "object"
   },
   "KioskSelf": {
    "properties": {
     "capabilities": {
      "enum": [
       "scan",
       "scan_search"
      ],
      "type": "string"
     },
     "eventCode": {
      "type": "string"
     },
     "eventId": {
      "format": "uuid",
      "type": "string"
     },
     "eventTitle": {
      "type": "string"
     },
     "expiresAt": {
      "format": "date-time",
      "type": "string"
     },
     "kioskId": {
      "format": "uuid",
      "type": "string"
     },
     "stationName": {
      "type": "string"
     }
    },
    "required": [
     "capabilities",
     "eventCode",
     "eventId",
     "eventTitle",
     "expiresAt",
     "kioskId",
     "stationName"
    ],
    "type": "object"
   },
   "KioskToken": {
    "properties": {
     "capabilities": {
      "enum": [
       "scan",
       "scan_search"
      ],
      "type": "string"
     },
     "createdAt": {
      "format": "date-time",
      "type": "string"
     },
     "eventCode": {
      "type": "string"
     },
     "eventId": {
      "format": "uuid",
      "type": "string"
     },
     "expiresAt": {
      "format": "date-time",
      "type": "string"
     },
     "kioskId": {
      "format": "uuid",
      "type": "string"
     },
     "revokedAt": {
      "format": "date-time",
      "type": "string"
     },
     "stationName": {
      "type": "string"
     },
     "status": {
      "enum": [
       "active",
       "expired",
       "revoked"
      ],
      "type": "string"
     },
     "token": {
      "type": "string"
     }
    },
    "required": [
     "capabilities",
     "createdAt",
     "eventCode",
     "eventId",
     "expiresAt",
     "kioskId",
     "stationName",
     "status"
    ],
    "type": "object"
   },
   "KioskTokenList": {
    "properties": {
     "kiosks": {
      "items": {
       "$ref": "#/components/schemas/KioskToken"
      },
      "type": "array"
     }
    },
    "required": [
     "kiosks"
    ],
    "type": "object"
   },
   "KioskTokenRequest": {
    "additionalProperties": false,
    "properties": {
     "capabilities": {
      "enum": [
       "scan",
       "scan_search",
       null
      ],
      "type": [
       "string",
       "null"
      ]
     },
     "expiresInMinutes": {
      "maximum": 480,
      "minimum": 1,
      "type": [
       "integer",
       "null"
      ]
     },
     "stationName": {
      "description": "Not only spaces",
      "maxLength": 80,
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": "string"
     }
    },
    "required": [
     "stationName"
    ],
    "type": "object"
   },
   "LoginRequest": {
    "additionalProperties": false,
    "anyOf": [
     {
      "properties": {
       "email": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "email"
      ]
     },
     {
      "properties": {
       "username": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "username"
      ]
     }
    ],
    "properties": {
     "email": {
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "password": {
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": "string"
     },
     "username": {
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "password"
    ],
    "type": "object"
   },
   "Member": {
    "properties": {
     "assignedEventIds": {
      "items": {
       "format": "uuid",
       "type": "string"
      },
      "type": "array"
     },
     "displayName": {
      "type": "string"
     },
     "email": {
      "type": "string"
     },
     "joinedAt": {
      "format": "date-time",
      "type": "string"
     },
     "role": {
      "enum": [
       "owner",
       "organizer",
       "staff",
       "viewer"
      ],
      "type": "string"
     },
     "userId": {
      "format": "uuid",
      "type": "string"
     }
    },
    "required": [
     "assignedEventIds",
     "displayName",
     "email",
     "joinedAt",
     "role",
     "userId"
    ],
    "type": "object"
   },
   "MemberList": {
    "properties": {
     "members": {
      "items": {
       "$ref": "#/components/schemas/Member"
      },
      "type": "array"
     }
    },
    "required": [
     "members"
    ],
    "type": "object"
   },
   "NewsletterAnswer": {
    "properties": {
     "message": {
      "type": "string"
     }
    },
    "required": [
     "message"
    ],
    "type": "object"
   },
   "NewsletterTokenRequest": {
    "additionalProperties": false,
    "properties": {
     "token": {
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": "string"
     }
    },
    "required": [
     "token"
    ],
    "type": "object"
   },
   "NewsletterUnsubscribeRequest": {
    "additionalProperties": false,
    "description": "The token, unless the query gives it",
    "properties": {
     "token": {
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "type": "object"
   },
   "OfflineBundle": {
    "properties": {
     "admitted": {
      "items": {
       "properties": {
        "checkedInAt": {
         "format": "date-time",
         "type": "string"
        },
        "sessionId": {
         "deprecated": true,
         "format": "uuid",
         "type": "string"
        },
        "sessionUuid": {
         "description": "The session's UUID (named apart from the catalog's sessionId, the code S1)",
         "format": "uuid",
         "type": "string"
        },
        "ticketId": {
         "format": "uuid",
         "type": "string"
        }
       },
       "required": [
        "checkedInAt",
        "sessionId",
        "sessionUuid",
        "ticketId"
       ],
       "type": "object"
      },
      "type": "array"
     },
     "eventCode": {
      "type": "string"
     },
     "eventId": {
      "format": "uuid",
      "type": "string"
     },
     "eventTitle": {
      "type": "string"
     },
     "generatedAt": {
      "format": "date-time",
      "type": "string"
     },
     "keyAlgorithm": {
      "type": "string"
     },
     "payloadFormat": {
      "type": "string"
     },
     "publicKey": {
      "type": "string"
     },
     "revoked": {
      "items": {
       "properties": {
        "reason": {
         "type": "string"
        },
        "revokedAt": {
         "format": "date-time",
         "type": "string"
        },
        "ticketId": {
         "format": "uuid",
         "type": "string"
        },
        "version": {
         "type": "integer"
        }
       },
       "required": [
        "reason",
        "revokedAt",
        "ticketId",
        "version"
       ],
       "type": "object"
      },
      "type": "array"
     },
     "sessions": {
      "items": {
       "properties": {
        "checkinClosesAt": {
         "format": "date-time",
         "type": "string"
        },
        "checkinOpensAt": {
         "format": "date-time",
         "type": "string"
        },
        "name": {
         "type": "string"
        },
        "number": {
         "type": "integer"
        },
        "sessionCode": {
         "type": "string"
        },
        "sessionId": {
         "deprecated": true,
         "format": "uuid",
         "type": "string"
        },
        "sessionUuid": {
         "description": "The session's UUID (named apart from the catalog's sessionId, the code S1)",
         "format": "uuid",
         "type": "string"
        },
        "startsAt": {
         "format": "date-time",
         "type": "string"
        }
       },
       "required": [
        "checkinClosesAt",
        "checkinOpensAt",
        "name",
        "number",
        "sessionCode",
        "sessionId",
        "sessionUuid",
        "startsAt"
       ],
       "type": "object"
      },
      "type": "array"
     },
     "signedTickets": {
      "type": "boolean"
     },
     "ticketTypes": {
      "items": {
       "properties": {
        "name": {
         "type": "string"
        },
        "sessionIds": {
         "deprecated": true,
         "items": {
          "format": "uuid",
          "type": "string"
         },
         "type": "array"
        },
        "sessionUuids": {
         "description": "The sessions' UUIDs (named apart from the catalog's session codes)",
         "items": {
          "format": "uuid",
          "type": "string"
         },
         "type": "array"
        },
        "ticketTypeId": {
         "format": "uuid",
         "type": "string"
        }
       },
       "required": [
        "name",
        "sessionIds",
        "sessionUuids",
        "ticketTypeId"
       ],
       "type": "object"
      },
      "type": "array"
     },
     "tickets": {
      "items": {
       "properties": {
        "secretHash": {
         "type": "string"
        },
        "ticketId": {
         "format": "uuid",
         "type": "string"
        },
        "ticketTypeId": {
         "format": "uuid",
         "type": "string"
        }
       },
       "required": [
        "secretHash",
        "ticketId",
        "ticketTypeId"
       ],
       "type": "object"
      },
      "type": "array"
     }
    },
    "required": [
     "admitted",
     "eventCode",
     "eventId",
     "eventTitle",
     "generatedAt",
     "keyAlgorithm",
     "payloadFormat",
     "revoked",
     "sessions",
     "signedTickets",
     "ticketTypes",
     "tickets"
    ],
    "type": "object"
   },
   "Order": {
    "properties": {
     "accessToken": {
      "deprecated": true,
      "description": "The same token as orderToken, under its first name",
      "type": "string"
     },
     "buyerEmail": {
      "type": "string"
     },
     "buyerName": {
      "type": "string"
     },
     "createdAt": {
      "format": "date-time",
      "type": "string"
     },
     "currency": {
      "type": "string"
     },
     "eventId": {
      "format": "uuid",
      "type": "string"
     },
     "items": {
      "items": {
       "properties": {
        "memberPrice": {
         "type": "boolean"
        },
        "quantity": {
         "type": "integer"
        },
        "ticketTypeId": {
         "format": "uuid",
         "type": "string"
        },
        "unitPrice": {
         "type": "number"
        },
        "unitPriceMinor": {
         "type": "integer"
        }
       },
       "required": [
        "memberPrice",
        "quantity",
        "ticketTypeId",
        "unitPrice",
        "unitPriceMinor"
       ],
       "type": "object"
      },
      "type": "array"
     },
     "notes": {
      "type": "string"
     },
     "orderId": {
      "format": "uuid",
      "type": "string"
     },
     "orderNumber": {
      "type": "string"
     },
     "orderToken": {
      "description": "Lets a guest read the order (send it as X-Order-Token or ?orderToken=); only in the answer that created the order",
      "type": "string"
     },
     "paidAt": {
      "format": "date-time",
      "type": "string"
     },
     "payment": {
      "$ref": "#/components/schemas/Payment"
     },
     "paymentDeadline": {
      "format": "date-time",
      "type": "string"
     },
     "provider": {
      "description": "free, offline, or the card processor's name (stripe)",
      "type": "string"
     },
     "status": {
      "enum": [
       "pending",
       "paid",
       "cancelled",
       "refunded",
       "expired"
      ],
      "type": "string"
     },
     "tickets": {
      "items": {
       "properties": {
        "attendeeEmail": {
         "type": "string"
        },
        "attendeeName": {
         "type": "string"
        },
        "dietaryRestrictions": {
         "type": "string"
        },
        "emergencyContact": {
         "type": "string"
        },
        "status": {
         "enum": [
          "pending",
          "valid",
          "cancelled",
          "refunded"
         ],
         "type": "string"
        },
        "ticketId": {
         "format": "uuid",
         "type": "string"
        },
        "ticketTypeId": {
         "format": "uuid",
         "type": "string"
        }
       },
       "required": [
        "attendeeEmail",
        "attendeeName",
        "status",
        "ticketId",
        "ticketTypeId"
       ],
       "type": "object"
      },
      "type": "array"
     },
     "total": {
      "type": "number"
     },
     "totalMinor": {
      "type": "integer"
     }
    },
    "required": [
     "buyerEmail",
     "buyerName",
     "createdAt",
     "currency",
     "eventId",
     "items",
     "orderId",
     "orderNumber",
     "provider",
     "status",
     "tickets",
     "total",
     "totalMinor"
    ],
    "type": "object"
   },
   "OrderList": {
    "properties": {
     "orders": {
      "items": {
       "$ref": "#/components/schemas/Order"
      },
      "type": "array"
     }
    },
    "required": [
     "orders"
    ],
    "type": "object"
   },
   "OrderPage": {
    "properties": {
     "orders": {
      "items": {
       "$ref": "#/components/schemas/Order"
      },
      "type": "array"
     },
     "page": {
      "type": "integer"
     },
     "perPage": {
      "type": "integer"
     },
     "total": {
      "type": "integer"
     }
    },
    "required": [
     "orders",
     "page",
     "perPage",
     "total"
    ],
    "type": "object"
   },
   "OrderPayments": {
    "properties": {
     "currency": {
      "type": "string"
     },
     "orderId": {
      "format": "uuid",
      "type": "string"
     },
     "paidMinor": {
      "type": "integer"
     },
     "payments": {
      "items": {
       "$ref": "#/components/schemas/Payment"
      },
      "type": "array"
     },
     "refundableMinor": {
      "type": "integer"
     },
     "refundedMinor": {
      "type": "integer"
     },
     "refunds": {
      "items": {
       "$ref": "#/components/schemas/Refund"
      },
      "type": "array"
     }
    },
    "required": [
     "currency",
     "orderId",
     "paidMinor",
     "payments",
     "refundableMinor",
     "refundedMinor",
     "refunds"
    ],
    "type": "object"
   },
   "OrderTicket": {
    "properties": {
     "attendeeEmail": {
      "type": "string"
     },
     "attendeeName": {
      "type": "string"
     },
     "dietaryRestrictions": {
      "type": "string"
     },
     "emergencyContact": {
      "type": "string"
     },
     "status": {
      "enum": [
       "pending",
       "valid",
       "cancelled",
       "refunded"
      ],
      "type": "string"
     },
     "ticketId": {
      "format": "uuid",
      "type": "string"
     },
     "ticketTypeId": {
      "format": "uuid",
      "type": "string"
     }
    },
    "required": [
     "attendeeEmail",
     "attendeeName",
     "status",
     "ticketId",
     "ticketTypeId"
    ],
    "type": "object"
   },
   "Organization": {
    "properties": {
     "createdAt": {
      "format": "date-time",
      "type": "string"
     },
     "id": {
      "deprecated": true,
      "description": "The same ID as organizationId, under its first name",
      "format": "uuid",
      "type": "string"
     },
     "logoUrl": {
      "description": "GET it for the logo (a redirect to a short-lived link)",
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "organizationId": {
      "description": "The organization's ID, named as other objects name theirs (venueId, eventId)",
      "format": "uuid",
      "type": "string"
     },
     "role": {
      "enum": [
       "owner",
       "organizer",
       "staff",
       "viewer"
      ],
      "type": "string"
     },
     "slug": {
      "type": "string"
     }
    },
    "required": [
     "createdAt",
     "id",
     "name",
     "organizationId",
     "slug"
    ],
    "type": "object"
   },
   "OrganizationList": {
    "properties": {
     "organizations": {
      "items": {
       "$ref": "#/components/schemas/Organization"
      },
      "type": "array"
     }
    },
    "required": [
     "organizations"
    ],
    "type": "object"
   },
   "Organizer": {
    "properties": {
     "displayName": {
      "type": "string"
     },
     "role": {
      "type": "string"
     },
     "userId": {
      "format": "uuid",
      "type": "string"
     }
    },
    "required": [
     "displayName",
     "role",
     "userId"
    ],
    "type": "object"
   },
   "OrganizerMessage": {
    "properties": {
     "body": {
      "type": "string"
     },
     "createdAt": {
      "format": "date-time",
      "type": "string"
     },
     "messageId": {
      "format": "uuid",
      "type": "string"
     },
     "recipients": {
      "type": "integer"
     },
     "sessionIds": {
      "items": {
       "format": "uuid",
       "type": "string"
      },
      "type": "array"
     },
     "state": {
      "enum": [
       "queued",
       "sent"
      ],
      "type": "string"
     },
     "subject": {
      "type": "string"
     }
    },
    "required": [
     "body",
     "createdAt",
     "messageId",
     "recipients",
     "sessionIds",
     "state",
     "subject"
    ],
    "type": "object"
   },
   "OrganizerMessageList": {
    "properties": {
     "messages": {
      "items": {
       "$ref": "#/components/schemas/OrganizerMessage"
      },
      "type": "array"
     }
    },
    "required": [
     "messages"
    ],
    "type": "object"
   },
   "OrganizerMessageRequest": {
    "additionalProperties": false,
    "properties": {
     "body": {
      "description": "Plain text; shown as written, paragraphs kept",
      "maxLength": 10000,
      "minLength": 1,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": "string"
     },
     "sessionIds": {
      "items": {
       "description": "A session's ID or its code (S1)",
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      },
      "maxItems": 100,
      "minItems": 1,
      "type": "array"
     },
     "subject": {
      "maxLength": 200,
      "minLength": 1,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": "string"
     }
    },
    "required": [
     "body",
     "sessionIds",
     "subject"
    ],
    "type": "object"
   },
   "OutboxCount": {
    "properties": {
     "count": {
      "type": "integer"
     },
     "state": {
      "enum": [
       "pending",
       "delivered",
       "failed"
      ],
      "type": "string"
     },
     "topic": {
      "type": "string"
     }
    },
    "required": [
     "count",
     "state",
     "topic"
    ],
    "type": "object"
   },
   "OutboxList": {
    "properties": {
     "counts": {
      "items": {
       "$ref": "#/components/schemas/OutboxCount"
      },
      "type": "array"
     },
     "items": {
      "items": {
       "$ref": "#/components/schemas/OutboxMessage"
      },
      "type": "array"
     }
    },
    "required": [
     "counts",
     "items"
    ],
    "type": "object"
   },
   "OutboxMessage": {
    "properties": {
     "attempts": {
      "type": "integer"
     },
     "availableAt": {
      "format": "date-time",
      "type": "string"
     },
     "createdAt": {
      "format": "date-time",
      "type": "string"
     },
     "deliveredAt": {
      "format": "date-time",
      "type": [
       "string",
       "null"
      ]
     },
     "failedAt": {
      "format": "date-time",
      "type": [
       "string",
       "null"
      ]
     },
     "id": {
      "format": "uuid",
      "type": "string"
     },
     "lastError": {
      "type": [
       "string",
       "null"
      ]
     },
     "payload": {},
     "state": {
      "enum": [
       "pending",
       "delivered",
       "failed"
      ],
      "type": "string"
     },
     "topic": {
      "type": "string"
     }
    },
    "required": [
     "attempts",
     "availableAt",
     "createdAt",
     "id",
     "payload",
     "state",
     "topic"
    ],
    "type": "object"
   },
   "PartnerKey": {
    "properties": {
     "createdAt": {
      "format": "date-time",
      "type": "string"
     },
     "id": {
      "format": "uuid",
      "type": "string"
     },
     "keyPrefix": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "revokedAt": {
      "format": "date-time",
      "type": "string"
     }
    },
    "required": [
     "createdAt",
     "id",
     "keyPrefix",
     "name"
    ],
    "type": "object"
   },
   "PartnerKeyCreated": {
    "properties": {
     "key": {
      "type": "string"
     },
     "partnerKey": {
      "$ref": "#/components/schemas/PartnerKey"
     }
    },
    "required": [
     "key",
     "partnerKey"
    ],
    "type": "object"
   },
   "PartnerKeyList": {
    "properties": {
     "partnerKeys": {
      "items": {
       "$ref": "#/components/schemas/PartnerKey"
      },
      "type": "array"
     }
    },
    "required": [
     "partnerKeys"
    ],
    "type": "object"
   },
   "PayOrderRequest": {
    "additionalProperties": false,
    "properties": {
     "paymentToken": {
      "maxLength": 255,
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [],
    "type": "object"
   },
   "Payment": {
    "properties": {
     "amount": {
      "type": "number"
     },
     "amountMinor": {
      "type": "integer"
     },
     "clientSecret": {
      "type": "string"
     },
     "createdAt": {
      "format": "date-time",
      "type": "string"
     },
     "currency": {
      "type": "string"
     },
     "failureReason": {
      "type": "string"
     },
     "method": {
      "enum": [
       "card",
       "manual"
      ],
      "type": "string"
     },
     "nextAction": {
      "description": "The processor's next action (3-D Secure)",
      "type": "object"
     },
     "orderId": {
      "format": "uuid",
      "type": "string"
     },
     "paymentId": {
      "format": "uuid",
      "type": "string"
     },
     "provider": {
      "type": "string"
     },
     "providerReference": {
      "type": "string"
     },
     "refundedMinor": {
      "type": "integer"
     },
     "status": {
      "enum": [
       "pending",
       "requires_action",
       "succeeded",
       "failed",
       "canceled"
      ],
      "type": "string"
     },
     "succeededAt": {
      "format": "date-time",
      "type": "string"
     },
     "updatedAt": {
      "format": "date-time",
      "type": "string"
     }
    },
    "required": [
     "amount",
     "amountMinor",
     "createdAt",
     "currency",
     "method",
     "orderId",
     "paymentId",
     "provider",
     "refundedMinor",
     "status",
     "updatedAt"
    ],
    "type": "object"
   },
   "PaymentWebhookEvent": {
    "additionalProperties": true,
    "description": "The processor's event, as it sends it; its fields are the processor's.",
    "properties": {
     "created": {
      "maximum": 9223372036854775807,
      "minimum": -9223372036854775808,
      "type": "integer"
     },
     "data": {
      "additionalProperties": true,
      "type": [
       "object",
       "null"
      ]
     },
     "id": {
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": "string"
     },
     "type": {
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": "string"
     }
    },
    "required": [
     "id",
     "type",
     "created"
    ],
    "type": "object"
   },
   "PaymentWebhookReceipt": {
    "properties": {
     "duplicate": {
      "type": "boolean"
     },
     "ignored": {
      "type": "boolean"
     },
     "reason": {
      "enum": [
       "unknown_payment",
       "unknown_refund",
       "reference_mismatch",
       "payment_mismatch",
       "amount_mismatch",
       "refund_mismatch"
      ],
      "type": "string"
     },
     "received": {
      "type": "boolean"
     }
    },
    "required": [
     "duplicate",
     "ignored",
     "received"
    ],
    "type": "object"
   },
   "ProbeReport": {
    "properties": {
     "checks": {
      "additionalProperties": {
       "type": "string"
      },
      "type": "object"
     },
     "status": {
      "enum": [
       "alive",
       "ready",
       "not_ready"
      ],
      "type": "string"
     }
    },
    "required": [
     "checks",
     "status"
    ],
    "type": "object"
   },
   "RecipientCount": {
    "properties": {
     "recipients": {
      "type": "integer"
     },
     "sessionIds": {
      "items": {
       "format": "uuid",
       "type": "string"
      },
      "type": "array"
     }
    },
    "required": [
     "recipients",
     "sessionIds"
    ],
    "type": "object"
   },
   "RefreshRequest": {
    "additionalProperties": false,
    "anyOf": [
     {
      "properties": {
       "refresh_token": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "refresh_token"
      ]
     },
     {
      "properties": {
       "refreshToken": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "refreshToken"
      ]
     }
    ],
    "properties": {
     "refreshToken": {
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "refresh_token": {
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [],
    "type": "object"
   },
   "Refund": {
    "properties": {
     "amount": {
      "type": "number"
     },
     "amountMinor": {
      "type": "integer"
     },
     "createdAt": {
      "format": "date-time",
      "type": "string"
     },
     "currency": {
      "type": "string"
     },
     "failureReason": {
      "type": "string"
     },
     "orderId": {
      "format": "uuid",
      "type": "string"
     },
     "paymentId": {
      "format": "uuid",
      "type": "string"
     },
     "reason": {
      "type": "string"
     },
     "refundId": {
      "format": "uuid",
      "type": "string"
     },
     "status": {
      "enum": [
       "pending",
       "succeeded",
       "failed",
       "manual"
      ],
      "type": "string"
     },
     "updatedAt": {
      "format": "date-time",
      "type": "string"
     }
    },
    "required": [
     "amount",
     "amountMinor",
     "createdAt",
     "currency",
     "orderId",
     "reason",
     "refundId",
     "status",
     "updatedAt"
    ],
    "type": "object"
   },
   "RefundList": {
    "properties": {
     "refunds": {
      "items": {
       "$ref": "#/components/schemas/Refund"
      },
      "type": "array"
     }
    },
    "required": [
     "refunds"
    ],
    "type": "object"
   },
   "RefundOrderRequest": {
    "additionalProperties": false,
    "properties": {
     "amountMinor": {
      "description": "Omitted: all that is left",
      "maximum": 9223372036854775807,
      "minimum": 1,
      "type": [
       "integer",
       "null"
      ]
     },
     "reason": {
      "maxLength": 500,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [],
    "type": "object"
   },
   "RegisterRequest": {
    "additionalProperties": false,
    "anyOf": [
     {
      "properties": {
       "email": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "email"
      ]
     },
     {
      "properties": {
       "username": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "username"
      ]
     }
    ],
    "properties": {
     "displayName": {
      "maxLength": 100,
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "email": {
      "maxLength": 254,
      "pattern": "^[ \\t\\r\\n]*[^\\s@<>,\\u0000-\\u001F\\u007F-\\u009F]{1,64}@[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+(\\.[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+)+[ \\t\\r\\n]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "password": {
      "maxLength": 128,
      "minLength": 8,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": "string"
     },
     "username": {
      "description": "Some clients' name for email, accepted on purpose",
      "maxLength": 254,
      "pattern": "^[ \\t\\r\\n]*[^\\s@<>,\\u0000-\\u001F\\u007F-\\u009F]{1,64}@[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+(\\.[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+)+[ \\t\\r\\n]*$",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "password"
    ],
    "type": "object"
   },
   "RegistrationList": {
    "properties": {
     "eventId": {
      "format": "uuid",
      "type": "string"
     },
     "registrations": {
      "items": {
       "properties": {
        "attendeeEmail": {
         "type": "string"
        },
        "attendeeName": {
         "type": "string"
        },
        "dietaryRestrictions": {
         "type": "string"
        },
        "emergencyContact": {
         "type": "string"
        },
        "orderNumber": {
         "type": "string"
        },
        "status": {
         "type": "string"
        },
        "ticketId": {
         "format": "uuid",
         "type": "string"
        },
        "ticketTypeId": {
         "format": "uuid",
         "type": "string"
        },
        "ticketTypeName": {
         "type": "string"
        }
       },
       "required": [
        "attendeeEmail",
        "attendeeName",
        "orderNumber",
        "status",
        "ticketId",
        "ticketTypeId",
        "ticketTypeName"
       ],
       "type": "object"
      },
      "type": "array"
     },
     "sessionId": {
      "type": "string"
     }
    },
    "required": [
     "eventId",
     "registrations",
     "sessionId"
    ],
    "type": "object"
   },
   "ReleaseRequest": {
    "additionalProperties": false,
    "anyOf": [
     {
      "properties": {
       "holdId": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "holdId"
      ]
     },
     {
      "properties": {
       "lockId": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "lockId"
      ]
     }
    ],
    "properties": {
     "holdId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "lockId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [],
    "type": "object"
   },
   "ReleaseResponse": {
    "properties": {
     "message": {
      "type": "string"
     },
     "success": {
      "type": "boolean"
     }
    },
    "required": [
     "message",
     "success"
    ],
    "type": "object"
   },
   "ReminderSettings": {
    "properties": {
     "inherited": {
      "type": "boolean"
     },
     "offsetsMinutes": {
      "items": {
       "type": "integer"
      },
      "type": "array"
     }
    },
    "required": [
     "inherited",
     "offsetsMinutes"
    ],
    "type": "object"
   },
   "ReminderSettingsRequest": {
    "additionalProperties": false,
    "properties": {
     "offsetsMinutes": {
      "items": {
       "maximum": 20160,
       "minimum": 1,
       "type": "integer"
      },
      "maxItems": 5,
      "type": [
       "array",
       "null"
      ],
      "uniqueItems": true
     }
    },
    "required": [],
    "type": "object"
   },
   "Resend": {
    "properties": {
     "emailId": {
      "format": "uuid",
      "type": "string"
     },
     "message": {
      "type": "string"
     }
    },
    "required": [
     "emailId",
     "message"
    ],
    "type": "object"
   },
   "ReserveRequest": {
    "additionalProperties": false,
    "anyOf": [
     {
      "properties": {
       "categoryId": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "categoryId"
      ]
     },
     {
      "properties": {
       "ticketTypeId": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "ticketTypeId"
      ]
     }
    ],
    "properties": {
     "categoryId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "eventId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "quantity": {
      "maximum": 10,
      "minimum": 1,
      "type": "integer"
     },
     "ticketTypeId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "quantity"
    ],
    "type": "object"
   },
   "ReserveResponse": {
    "properties": {
     "availableSeats": {
      "type": "integer"
     },
     "expiresAt": {
      "format": "date-time",
      "type": "string"
     },
     "holdId": {
      "format": "uuid",
      "type": "string"
     },
     "lockId": {
      "format": "uuid",
      "type": "string"
     },
     "message": {
      "type": "string"
     },
     "success": {
      "type": "boolean"
     }
    },
    "required": [
     "availableSeats",
     "expiresAt",
     "holdId",
     "lockId",
     "message",
     "success"
    ],
    "type": "object"
   },
   "ResetPasswordRequest": {
    "additionalProperties": false,
    "properties": {
     "newPassword": {
      "maxLength": 128,
      "minLength": 8,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": "string"
     },
     "token": {
      "maxLength": 200,
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": "string"
     }
    },
    "required": [
     "newPassword",
     "token"
    ],
    "type": "object"
   },
   "ScanRequest": {
    "additionalProperties": false,
    "properties": {
     "eventId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     },
     "gate": {
      "maxLength": 80,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "nonce": {
      "maxLength": 100,
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "secret": {
      "allOf": [
       {
        "pattern": "\\S"
       },
       {
        "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
       }
      ],
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": "string"
     },
     "sessionId": {
      "description": "A session ID or code (S2)",
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "secret"
    ],
    "type": "object"
   },
   "Session": {
    "properties": {
     "availableSpots": {
      "type": "integer"
     },
     "capacity": {
      "type": "integer"
     },
     "currentRegistrations": {
      "type": "integer"
     },
     "endTime": {
      "type": "string"
     },
     "endsAt": {
      "format": "date-time",
      "type": "string"
     },
     "held": {
      "type": "integer"
     },
     "isActive": {
      "type": "boolean"
     },
     "sessionDate": {
      "format": "date-time",
      "type": "string"
     },
     "sessionId": {
      "type": "string"
     },
     "sessionName": {
      "type": "string"
     },
     "startTime": {
      "type": "string"
     },
     "startsAt": {
      "format": "date-time",
      "type": "string"
     }
    },
    "required": [
     "availableSpots",
     "capacity",
     "currentRegistrations",
     "endTime",
     "endsAt",
     "held",
     "isActive",
     "sessionDate",
     "sessionId",
     "sessionName",
     "startTime",
     "startsAt"
    ],
    "type": "object"
   },
   "SessionAvailability": {
    "properties": {
     "available": {
      "type": "integer"
     },
     "capacity": {
      "type": "integer"
     },
     "hasWaitlist": {
      "type": "boolean"
     },
     "held": {
      "type": "integer"
     },
     "isActive": {
      "type": "boolean"
     },
     "sessionId": {
      "type": "string"
     },
     "sold": {
      "type": "integer"
     },
     "waitlistCount": {
      "type": "integer"
     }
    },
    "required": [
     "available",
     "capacity",
     "hasWaitlist",
     "held",
     "isActive",
     "sessionId",
     "sold",
     "waitlistCount"
    ],
    "type": "object"
   },
   "SessionList": {
    "properties": {
     "sessions": {
      "items": {
       "$ref": "#/components/schemas/Session"
      },
      "type": "array"
     }
    },
    "required": [
     "sessions"
    ],
    "type": "object"
   },
   "SessionRequest": {
    "additionalProperties": false,
    "properties": {
     "capacity": {
      "description": "At most the installation's SESSION_CAPACITY_MAX (default 500, at most 1,000,000; each installation sets its own, so a capacity above its own is refused as a rule, 422)",
      "maximum": 1000000,
      "minimum": 1,
      "type": "integer"
     },
     "endsAt": {
      "format": "date-time",
      "type": "string"
     },
     "isActive": {
      "type": [
       "boolean",
       "null"
      ]
     },
     "name": {
      "description": "Some clients' name for sessionName, accepted on purpose; sessionName wins when both are sent",
      "maxLength": 200,
      "minLength": 1,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "sessionName": {
      "maxLength": 200,
      "minLength": 1,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]|<(?![A-Za-z/!?]))*$",
      "type": "string"
     },
     "startsAt": {
      "format": "date-time",
      "type": "string"
     }
    },
    "required": [
     "capacity",
     "endsAt",
     "sessionName",
     "startsAt"
    ],
    "type": "object"
   },
   "SessionUpdate": {
    "additionalProperties": false,
    "properties": {
     "capacity": {
      "description": "At most the installation's SESSION_CAPACITY_MAX (default 500, at most 1,000,000; each installation sets its own, so a capacity above its own is refused as a rule, 422)",
      "maximum": 1000000,
      "minimum": 1,
      "type": [
       "integer",
       "null"
      ]
     },
     "endsAt": {
      "format": "date-time",
      "type": [
       "string",
       "null"
      ]
     },
     "isActive": {
      "type": [
       "boolean",
       "null"
      ]
     },
     "name": {
      "description": "Some clients' name for sessionName, accepted on purpose; sessionName wins when both are sent",
      "maxLength": 200,
      "minLength": 1,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "sessionName": {
      "maxLength": 200,
      "minLength": 1,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "startsAt": {
      "format": "date-time",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [],
    "type": "object"
   },
   "StatusChangeRequest": {
    "additionalProperties": false,
    "properties": {
     "reason": {
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "status": {
      "enum": [
       "pending",
       "paid",
       "cancelled",
       "refunded",
       "expired"
      ],
      "type": "string"
     }
    },
    "required": [
     "status"
    ],
    "type": "object"
   },
   "SubscribeRequest": {
    "additionalProperties": false,
    "properties": {
     "email": {
      "maxLength": 254,
      "pattern": "^[ \\t\\r\\n]*[^\\s@<>,\\u0000-\\u001F\\u007F-\\u009F]{1,64}@[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+(\\.[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+)+[ \\t\\r\\n]*$",
      "type": "string"
     },
     "name": {
      "maxLength": 100,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "organizationId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "email"
    ],
    "type": "object"
   },
   "Subscriber": {
    "properties": {
     "confirmedAt": {
      "format": "date-time",
      "type": [
       "string",
       "null"
      ]
     },
     "createdAt": {
      "format": "date-time",
      "type": "string"
     },
     "email": {
      "type": "string"
     },
     "name": {
      "type": [
       "string",
       "null"
      ]
     },
     "status": {
      "enum": [
       "pending",
       "subscribed",
       "unsubscribed"
      ],
      "type": "string"
     },
     "subscriberId": {
      "format": "uuid",
      "type": "string"
     },
     "unsubscribedAt": {
      "format": "date-time",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "createdAt",
     "email",
     "status",
     "subscriberId"
    ],
    "type": "object"
   },
   "SubscriberPage": {
    "properties": {
     "page": {
      "type": "integer"
     },
     "perPage": {
      "type": "integer"
     },
     "subscribers": {
      "items": {
       "$ref": "#/components/schemas/Subscriber"
      },
      "type": "array"
     },
     "total": {
      "type": "integer"
     }
    },
    "required": [
     "page",
     "perPage",
     "subscribers",
     "total"
    ],
    "type": "object"
   },
   "SyncRequest": {
    "additionalProperties": false,
    "properties": {
     "scans": {
      "items": {
       "additionalProperties": false,
       "properties": {
        "gate": {
         "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
         "type": [
          "string",
          "null"
         ]
        },
        "nonce": {
         "maxLength": 100,
         "minLength": 1,
         "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
         "type": "string"
        },
        "scannedAt": {
         "format": "date-time",
         "type": "string"
        },
        "secret": {
         "minLength": 1,
         "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
         "type": "string"
        },
        "sessionId": {
         "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
         "type": [
          "string",
          "null"
         ]
        }
       },
       "required": [
        "nonce",
        "scannedAt",
        "secret"
       ],
       "type": "object"
      },
      "maxItems": 500,
      "minItems": 1,
      "type": "array"
     }
    },
    "required": [
     "scans"
    ],
    "type": "object"
   },
   "SyncResponse": {
    "properties": {
     "admitted": {
      "type": "integer"
     },
     "duplicates": {
      "type": "integer"
     },
     "refused": {
      "type": "integer"
     },
     "results": {
      "items": {
       "properties": {
        "checkinId": {
         "format": "uuid",
         "type": "string"
        },
        "code": {
         "type": "string"
        },
        "firstCheckedInAt": {
         "format": "date-time",
         "type": "string"
        },
        "firstGate": {
         "type": "string"
        },
        "nonce": {
         "type": "string"
        },
        "outcome": {
         "enum": [
          "admitted",
          "duplicate",
          "refused"
         ],
         "type": "string"
        },
        "sessionId": {
         "deprecated": true,
         "format": "uuid",
         "type": "string"
        },
        "sessionUuid": {
         "description": "The session's UUID (named apart from the catalog's sessionId, the code S1)",
         "format": "uuid",
         "type": "string"
        },
        "ticketId": {
         "format": "uuid",
         "type": "string"
        }
       },
       "required": [
        "nonce",
        "outcome"
       ],
       "type": "object"
      },
      "type": "array"
     }
    },
    "required": [
     "admitted",
     "duplicates",
     "refused",
     "results"
    ],
    "type": "object"
   },
   "TicketCancellation": {
    "properties": {
     "currency": {
      "type": "string"
     },
     "refundAmount": {
      "type": "number"
     },
     "refundMinor": {
      "type": "integer"
     },
     "rule": {
      "type": "string"
     },
     "status": {
      "enum": [
       "cancelled",
       "refunded"
      ],
      "type": "string"
     },
     "ticketId": {
      "format": "uuid",
      "type": "string"
     }
    },
    "required": [
     "currency",
     "refundAmount",
     "refundMinor",
     "rule",
     "status",
     "ticketId"
    ],
    "type": "object"
   },
   "TicketPass": {
    "properties": {
     "eventId": {
      "format": "uuid",
      "type": "string"
     },
     "qrText": {
      "type": "string"
     },
     "signed": {
      "type": "boolean"
     },
     "status": {
      "type": "string"
     },
     "ticketId": {
      "format": "uuid",
      "type": "string"
     },
     "version": {
      "type": "integer"
     }
    },
    "required": [
     "eventId",
     "qrText",
     "signed",
     "status",
     "ticketId",
     "version"
    ],
    "type": "object"
   },
   "TicketType": {
    "properties": {
     "availableQuantity": {
      "type": "integer"
     },
     "constraintReason": {
      "enum": [
       "EVENT_NOT_PUBLISHED",
       "INACTIVE",
       "SALES_NOT_STARTED",
       "SALES_ENDED",
       "SOLD_OUT",
       "SESSION_FULL"
      ],
      "type": "string"
     },
     "currency": {
      "type": "string"
     },
     "description": {
      "type": "string"
     },
     "eventId": {
      "format": "uuid",
      "type": "string"
     },
     "includedSessions": {
      "items": {
       "type": "string"
      },
      "type": "array"
     },
     "isActive": {
      "type": "boolean"
     },
     "isAvailable": {
      "type": "boolean"
     },
     "isHidden": {
      "type": "boolean"
     },
     "maxQuantity": {
      "type": "integer"
     },
     "memberPrice": {
      "description": "Major units of `currency`, e.g. 120.00",
      "type": "number"
     },
     "memberPriceMinor": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "price": {
      "description": "Major units of `currency`, e.g. 120.00",
      "type": "number"
     },
     "priceMinor": {
      "type": "integer"
     },
     "quantityLimit": {
      "type": "integer"
     },
     "salesEndDate": {
      "format": "date-time",
      "type": "string"
     },
     "salesStartDate": {
      "format": "date-time",
      "type": "string"
     },
     "sold": {
      "type": "integer"
     },
     "ticketTypeId": {
      "format": "uuid",
      "type": "string"
     }
    },
    "required": [
     "availableQuantity",
     "currency",
     "description",
     "eventId",
     "includedSessions",
     "isActive",
     "isAvailable",
     "isHidden",
     "maxQuantity",
     "name",
     "price",
     "priceMinor",
     "salesEndDate",
     "sold",
     "ticketTypeId"
    ],
    "type": "object"
   },
   "TicketTypeAvailability": {
    "properties": {
     "availableQuantity": {
      "type": "integer"
     },
     "constraintReason": {
      "enum": [
       "EVENT_NOT_PUBLISHED",
       "INACTIVE",
       "SALES_NOT_STARTED",
       "SALES_ENDED",
       "SOLD_OUT",
       "SESSION_FULL"
      ],
      "type": "string"
     },
     "eventId": {
      "format": "uuid",
      "type": "string"
     },
     "isAvailable": {
      "type": "boolean"
     },
     "lastCalculated": {
      "format": "date-time",
      "type": "string"
     },
     "limitingSessionIds": {
      "items": {
       "type": "string"
      },
      "type": "array"
     },
     "maxPurchasable": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "sessions": {
      "items": {
       "$ref": "#/components/schemas/SessionAvailability"
      },
      "type": "array"
     },
     "ticketTypeId": {
      "format": "uuid",
      "type": "string"
     }
    },
    "required": [
     "availableQuantity",
     "eventId",
     "isAvailable",
     "lastCalculated",
     "limitingSessionIds",
     "maxPurchasable",
     "name",
     "sessions",
     "ticketTypeId"
    ],
    "type": "object"
   },
   "TicketTypeList": {
    "properties": {
     "ticketTypes": {
      "items": {
       "$ref": "#/components/schemas/TicketType"
      },
      "type": "array"
     }
    },
    "required": [
     "ticketTypes"
    ],
    "type": "object"
   },
   "TicketTypeRequest": {
    "additionalProperties": false,
    "anyOf": [
     {
      "properties": {
       "price": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "price"
      ]
     },
     {
      "properties": {
       "priceMinor": {
        "not": {
         "type": "null"
        }
       }
      },
      "required": [
       "priceMinor"
      ]
     }
    ],
    "properties": {
     "description": {
      "maxLength": 2000,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "includedSessions": {
      "items": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      },
      "minItems": 1,
      "type": "array"
     },
     "isActive": {
      "type": [
       "boolean",
       "null"
      ]
     },
     "isHidden": {
      "type": [
       "boolean",
       "null"
      ]
     },
     "maxQuantity": {
      "maximum": 10,
      "minimum": 1,
      "type": [
       "integer",
       "null"
      ]
     },
     "memberPrice": {
      "exclusiveMaximum": 1000000000000,
      "minimum": 0,
      "type": [
       "number",
       "null"
      ]
     },
     "memberPriceMinor": {
      "maximum": 9223372036854775807,
      "minimum": 0,
      "type": [
       "integer",
       "null"
      ]
     },
     "name": {
      "maxLength": 100,
      "minLength": 1,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]|<(?![A-Za-z/!?]))*$",
      "type": "string"
     },
     "price": {
      "exclusiveMaximum": 1000000000000,
      "minimum": 0,
      "type": [
       "number",
       "null"
      ]
     },
     "priceMinor": {
      "maximum": 9223372036854775807,
      "minimum": 0,
      "type": [
       "integer",
       "null"
      ]
     },
     "quantityLimit": {
      "maximum": 9223372036854775807,
      "minimum": 1,
      "type": [
       "integer",
       "null"
      ]
     },
     "salesEndDate": {
      "format": "date-time",
      "type": "string"
     },
     "salesStartDate": {
      "format": "date-time",
      "type": [
       "string",
       "null"
      ]
     },
     "sortOrder": {
      "maximum": 9223372036854775807,
      "minimum": -9223372036854775808,
      "type": [
       "integer",
       "null"
      ]
     }
    },
    "required": [
     "includedSessions",
     "name",
     "salesEndDate"
    ],
    "type": "object"
   },
   "TicketTypeUpdate": {
    "additionalProperties": false,
    "description": "A ticket type's changes; a field left out keeps its value.",
    "properties": {
     "description": {
      "maxLength": 2000,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "includedSessions": {
      "items": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      },
      "minItems": 1,
      "type": "array"
     },
     "isActive": {
      "type": [
       "boolean",
       "null"
      ]
     },
     "isHidden": {
      "type": [
       "boolean",
       "null"
      ]
     },
     "maxQuantity": {
      "maximum": 10,
      "minimum": 1,
      "type": [
       "integer",
       "null"
      ]
     },
     "memberPrice": {
      "exclusiveMaximum": 1000000000000,
      "minimum": 0,
      "type": [
       "number",
       "null"
      ]
     },
     "memberPriceMinor": {
      "maximum": 9223372036854775807,
      "minimum": 0,
      "type": [
       "integer",
       "null"
      ]
     },
     "name": {
      "maxLength": 100,
      "minLength": 1,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]|<(?![A-Za-z/!?]))*$",
      "type": "string"
     },
     "price": {
      "exclusiveMaximum": 1000000000000,
      "minimum": 0,
      "type": [
       "number",
       "null"
      ]
     },
     "priceMinor": {
      "maximum": 9223372036854775807,
      "minimum": 0,
      "type": [
       "integer",
       "null"
      ]
     },
     "quantityLimit": {
      "maximum": 9223372036854775807,
      "minimum": 1,
      "type": [
       "integer",
       "null"
      ]
     },
     "salesEndDate": {
      "format": "date-time",
      "type": "string"
     },
     "salesStartDate": {
      "format": "date-time",
      "type": [
       "string",
       "null"
      ]
     },
     "sortOrder": {
      "maximum": 9223372036854775807,
      "minimum": -9223372036854775808,
      "type": [
       "integer",
       "null"
      ]
     }
    },
    "type": "object"
   },
   "TokenResponse": {
    "properties": {
     "access_token": {
      "type": "string"
     },
     "expires_in": {
      "type": "integer"
     },
     "refresh_token": {
      "type": "string"
     },
     "token_type": {
      "enum": [
       "Bearer"
      ],
      "type": "string"
     },
     "user": {
      "$ref": "#/components/schemas/User"
     }
    },
    "required": [
     "access_token",
     "expires_in",
     "refresh_token",
     "token_type",
     "user"
    ],
    "type": "object"
   },
   "UpdateEventRequest": {
    "additionalProperties": false,
    "properties": {
     "addressPlacesLimit": {
      "description": "The event's own limit per client address (0: none); null returns to the installation's",
      "maximum": 10000,
      "minimum": 0,
      "type": [
       "integer",
       "null"
      ]
     },
     "addressPlacesShare": {
      "description": "Percent of the smallest session's capacity one client address may have (0: no share limit); the lower of this and addressPlacesLimit applies; default ADDRESS_PLACES_SHARE; null returns to the installation's",
      "maximum": 100,
      "minimum": 0,
      "type": [
       "integer",
       "null"
      ]
     },
     "buyerPlacesLimit": {
      "description": "The event's own limit per buyer (0: none); null returns to the installation's",
      "maximum": 10000,
      "minimum": 0,
      "type": [
       "integer",
       "null"
      ]
     },
     "category": {
      "maxLength": 100,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "currency": {
      "pattern": "^[A-Za-z]{3}$",
      "type": [
       "string",
       "null"
      ]
     },
     "eventType": {
      "enum": [
       "Class",
       "SocialEvent",
       null
      ],
      "type": [
       "string",
       "null"
      ]
     },
     "fullDescription": {
      "description": "HTML, sanitised when kept",
      "maxLength": 50000,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": [
       "string",
       "null"
      ]
     },
     "guestCheckout": {
      "description": "Whether buyers without an account may hold and order",
      "type": [
       "boolean",
       "null"
      ]
     },
     "imageUrl": {
      "maxLength": 2000,
      "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:([0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?(/(%[0-9A-Fa-f]{2}|[A-Za-z0-9._~!$&()*+,;=:@/-])*)?(\\?(%[0-9A-Fa-f]{2}|[A-Za-z0-9._~!$&()*+,;=:@/?-])*)?(#(%[0-9A-Fa-f]{2}|[A-Za-z0-9._~!$&()*+,;=:@/?-])*)?$",
      "type": [
       "string",
       "null"
      ]
     },
     "organizers": {
      "items": {
       "additionalProperties": false,
       "properties": {
        "role": {
         "enum": [
          "Primary",
          "CoOrganizer",
          "Assistant",
          null
         ],
         "type": [
          "string",
          "null"
         ]
        },
        "userId": {
         "format": "uuid",
         "type": "string"
        }
       },
       "required": [
        "userId"
       ],
       "type": "object"
      },
      "type": [
       "array",
       "null"
      ]
     },
     "policiesProcedures": {
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "refundCutoffHours": {
      "maximum": 8760,
      "minimum": 0,
      "type": [
       "integer",
       "null"
      ]
     },
     "shortDescription": {
      "maxLength": 500,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "status": {
      "enum": [
       "draft",
       "published",
       "cancelled",
       "archived",
       null
      ],
      "type": [
       "string",
       "null"
      ]
     },
     "title": {
      "maxLength": 200,
      "minLength": 3,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "venueId": {
      "format": "uuid",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [],
    "type": "object"
   },
   "User": {
    "properties": {
     "createdAt": {
      "format": "date-time",
      "type": "string"
     },
     "displayName": {
      "type": "string"
     },
     "email": {
      "type": "string"
     },
     "emailVerified": {
      "type": "boolean"
     },
     "id": {
      "format": "uuid",
      "type": "string"
     },
     "role": {
      "enum": [
       "admin",
       "member"
      ],
      "type": "string"
     },
     "username": {
      "type": "string"
     }
    },
    "required": [
     "createdAt",
     "displayName",
     "email",
     "emailVerified",
     "id",
     "role",
     "username"
    ],
    "type": "object"
   },
   "UserTicketList": {
    "properties": {
     "tickets": {
      "items": {
       "properties": {
        "attendeeName": {
         "type": "string"
        },
        "eventId": {
         "format": "uuid",
         "type": "string"
        },
        "eventTitle": {
         "type": "string"
        },
        "orderId": {
         "format": "uuid",
         "type": "string"
        },
        "orderNumber": {
         "type": "string"
        },
        "sessions": {
         "items": {
          "type": "string"
         },
         "type": "array"
        },
        "status": {
         "enum": [
          "pending",
          "valid",
          "cancelled",
          "refunded"
         ],
         "type": "string"
        },
        "ticketId": {
         "format": "uuid",
         "type": "string"
        },
        "ticketTypeId": {
         "format": "uuid",
         "type": "string"
        },
        "ticketTypeName": {
         "type": "string"
        }
       },
       "required": [
        "attendeeName",
        "eventId",
        "eventTitle",
        "orderId",
        "orderNumber",
        "sessions",
        "status",
        "ticketId",
        "ticketTypeId",
        "ticketTypeName"
       ],
       "type": "object"
      },
      "type": "array"
     }
    },
    "required": [
     "tickets"
    ],
    "type": "object"
   },
   "Venue": {
    "properties": {
     "address": {
      "type": "string"
     },
     "capacity": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "organizationId": {
      "format": "uuid",
      "type": "string"
     },
     "venueId": {
      "format": "uuid",
      "type": "string"
     }
    },
    "required": [
     "address",
     "capacity",
     "name",
     "organizationId",
     "venueId"
    ],
    "type": "object"
   },
   "VenueList": {
    "properties": {
     "venues": {
      "items": {
       "$ref": "#/components/schemas/Venue"
      },
      "type": "array"
     }
    },
    "required": [
     "venues"
    ],
    "type": "object"
   },
   "VenueRequest": {
    "additionalProperties": false,
    "properties": {
     "address": {
      "maxLength": 500,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "capacity": {
      "maximum": 1000000,
      "minimum": 0,
      "type": "integer"
     },
     "name": {
      "maxLength": 200,
      "minLength": 1,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]|<(?![A-Za-z/!?]))*$",
      "type": "string"
     }
    },
    "required": [
     "capacity",
     "name"
    ],
    "type": "object"
   },
   "VenueUpdateRequest": {
    "additionalProperties": false,
    "properties": {
     "address": {
      "maxLength": 500,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     },
     "capacity": {
      "maximum": 1000000,
      "minimum": 0,
      "type": [
       "integer",
       "null"
      ]
     },
     "name": {
      "maxLength": 200,
      "minLength": 1,
      "pattern": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]|<(?![A-Za-z/!?]))*$",
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [],
    "type": "object"
   },
   "VerifyEmailRequest": {
    "additionalProperties": false,
    "properties": {
     "password": {
      "description": "The password chosen at registration: the mailbox alone does not vouch for it",
      "maxLength": 128,
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": "string"
     },
     "token": {
      "minLength": 1,
      "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type": "string"
     }
    },
    "required": [
     "password",
     "token"
    ],
    "type": "object"
   }
  },
  "securitySchemes": {
   "bearer": {
    "bearerFormat": "JWT",
    "scheme": "bearer",
    "type": "http"
   },
   "partnerKey": {
    "description": "A partner key (pk_…) made by the organization's owners",
    "scheme": "bearer",
    "type": "http"
   }
  }
 },
 "info": {
  "description": "Self-hosted event ticketing. JSON under /api, camelCase. Every error has the shape {\"error\":{\"code\",\"message\",\"details\",\"timestamp\"}} with a stable code; every response carries X-Request-ID. A request body with a field its endpoint does not know is refused with 400 VALIDATION_FAILED naming the field (request schemas say additionalProperties: false).",
  "title": "BoxOffice API",
  "version": "0.1.0"
 },
 "openapi": "3.1.0",
 "paths": {
  "/account": {
   "get": {
    "description": "Without a session cookie: a redirect to the sign-in page.",
    "operationId": "accountPage",
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "303": {
      "description": "See Other: Location is the next page"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "The signed-in person's account and orders",
    "tags": [
     "Web pages"
    ]
   }
  },
  "/account/reset-password": {
   "get": {
    "description": "Asks for the new password; following the link alone spends nothing.",
    "operationId": "passwordResetPage",
    "parameters": [
     {
      "in": "query",
      "name": "token",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "The page of a password reset link",
    "tags": [
     "Web pages"
    ]
   },
   "post": {
    "description": "Once, within the hour of the mail; every sign-in of the account is revoked.",
    "operationId": "resetPasswordWithForm",
    "requestBody": {
     "content": {
      "application/x-www-form-urlencoded": {
       "schema": {
        "additionalProperties": false,
        "properties": {
         "_csrf": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         },
         "password": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         },
         "token": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         }
        },
        "required": [
         "_csrf",
         "token",
         "password"
        ],
        "type": "object"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "400": {
      "description": "A password the rules refuse, or a link unknown, expired or used (HTML)"
     },
     "403": {
      "description": "The form's CSRF token does not match its cookie (HTML)"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Set a new password with the link's token",
    "tags": [
     "Web pages"
    ]
   }
  },
  "/account/sign-in": {
   "get": {
    "description": "Sets the bx_csrf cookie its form needs.",
    "operationId": "signInPage",
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "The sign-in form",
    "tags": [
     "Web pages"
    ]
   },
   "post": {
    "description": "On success a session cookie (bx_session: HttpOnly, SameSite=Lax, Secure with HSTS_ENABLED) and a redirect to `next` (a path of this site) or /account. The same limits as POST /api/auth/login.",
    "operationId": "signInWithForm",
    "requestBody": {
     "content": {
      "application/x-www-form-urlencoded": {
       "schema": {
        "additionalProperties": false,
        "properties": {
         "_csrf": {
          "description": "The page's CSRF token (also in the bx_csrf cookie)",
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         },
         "email": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         },
         "next": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": [
           "string",
           "null"
          ]
         },
         "password": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         }
        },
        "required": [
         "_csrf",
         "email",
         "password"
        ],
        "type": "object"
       }
      }
     },
     "required": true
    },
    "responses": {
     "303": {
      "description": "See Other: Location is the next page"
     },
     "400": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "401": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "403": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "The form's CSRF token does not match its cookie, or it came from another site (HTML)"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "description": "Too many attempts (HTML)"
     }
    },
    "summary": "Sign in from the form",
    "tags": [
     "Web pages"
    ]
   }
  },
  "/account/sign-out": {
   "post": {
    "description": "Clears the session cookie.",
    "operationId": "signOutWithForm",
    "requestBody": {
     "content": {
      "application/x-www-form-urlencoded": {
       "schema": {
        "additionalProperties": false,
        "properties": {
         "_csrf": {
          "description": "The page's CSRF token (also in the bx_csrf cookie)",
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         }
        },
        "required": [
         "_csrf"
        ],
        "type": "object"
       }
      }
     },
     "required": true
    },
    "responses": {
     "303": {
      "description": "See Other: Location is the next page"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "403": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "The form's CSRF token does not match its cookie, or it came from another site (HTML)"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Sign out: ends this browser's session only",
    "tags": [
     "Web pages"
    ]
   }
  },
  "/account/verify-email": {
   "get": {
    "description": "Shows a button; following the link alone changes nothing.",
    "operationId": "verifyEmailPage",
    "parameters": [
     {
      "in": "query",
      "name": "token",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "The page of the link: Verify the account's address",
    "tags": [
     "Web pages"
    ]
   },
   "post": {
    "description": "Once, within a week of the mail, with the password chosen at registration.",
    "operationId": "verifyEmailWithForm",
    "requestBody": {
     "content": {
      "application/x-www-form-urlencoded": {
       "schema": {
        "additionalProperties": false,
        "properties": {
         "_csrf": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         },
         "password": {
          "maxLength": 128,
          "minLength": 1,
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         },
         "token": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         }
        },
        "required": [
         "_csrf",
         "token",
         "password"
        ],
        "type": "object"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "400": {
      "description": "A link unknown, expired or used (HTML)"
     },
     "403": {
      "description": "The form's CSRF token does not match its cookie (HTML)"
     },
     "422": {
      "description": "Not the password chosen at registration (HTML)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Verify the account's address",
    "tags": [
     "Web pages"
    ]
   }
  },
  "/api/admin/audit-logs": {
   "get": {
    "description": "Admins see everything. Organization owners must pass organizationId and see that organization's records.",
    "operationId": "listAuditLogs",
    "parameters": [
     {
      "description": "Only records by this user",
      "in": "query",
      "name": "actorId",
      "required": false,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "Exact action, such as auth.login.failed",
      "in": "query",
      "name": "action",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Target kind, such as user or organization",
      "in": "query",
      "name": "targetType",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Target identifier",
      "in": "query",
      "name": "targetId",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Only records about this organization",
      "in": "query",
      "name": "organizationId",
      "required": false,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "Inclusive lower bound of occurredAt",
      "in": "query",
      "name": "from",
      "required": false,
      "schema": {
       "format": "date-time",
       "type": "string"
      }
     },
     {
      "description": "Exclusive upper bound of occurredAt",
      "in": "query",
      "name": "to",
      "required": false,
      "schema": {
       "format": "date-time",
       "type": "string"
      }
     },
     {
      "description": "Page number, from 1",
      "in": "query",
      "name": "page",
      "required": false,
      "schema": {
       "default": 1,
       "maximum": 1000000,
       "minimum": 1,
       "type": "integer"
      }
     },
     {
      "description": "Records per page",
      "in": "query",
      "name": "perPage",
      "required": false,
      "schema": {
       "default": 50,
       "maximum": 200,
       "minimum": 1,
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditLogPage"
        }
       }
      },
      "description": "A page of records"
     },
     "400": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Bad filter (VALIDATION_FAILED)"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not an admin, nor an owner of the organization"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Audit log, newest first",
    "tags": [
     "Audit"
    ]
   }
  },
  "/api/admin/email-templates": {
   "get": {
    "operationId": "listEmailTemplates",
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EmailTemplateList"
        }
       }
      },
      "description": "Templates"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Every message BoxOffice sends, by name, and its languages",
    "tags": [
     "Messaging"
    ]
   }
  },
  "/api/admin/email-templates/{name}/preview": {
   "get": {
    "description": "In the installation's layout (admins), or in an organization's (`organizationId`, its organizers).",
    "operationId": "previewEmailTemplate",
    "parameters": [
     {
      "description": "The template: `order-confirmation`, `order-reserved`, `payment-received`, `payment-failed`, `order-expired`, `order-cancelled`, `order-refunded`, `refund-issued`, `refund-failed`, `late-payment-accepted`, `late-payment-accepted-organizers`, `late-payment-refunded`, `late-payment-refunded-organizers`, `ticket-reissued`, `event-changed`, `event-cancelled`, `session-reminder`, `organizer-message`, `password-reset`, `email-verification`, `registration-existing`, `newsletter-confirmation`, `newsletter-campaign` (another name is 404, TEMPLATE_NOT_FOUND)",
      "in": "path",
      "name": "name",
      "required": true,
      "schema": {
       "pattern": "^[a-z][a-z-]{0,63}$",
       "type": "string"
      }
     },
     {
      "in": "query",
      "name": "language",
      "schema": {
       "enum": [
        "en",
        "de"
       ],
       "type": "string"
      }
     },
     {
      "in": "query",
      "name": "organizationId",
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EmailPreview"
        }
       }
      },
      "description": "The rendered message"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such template or organization"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "A message rendered with sample data: subject, text and HTML",
    "tags": [
     "Messaging"
    ]
   }
  },
  "/api/admin/emails": {
   "get": {
    "description": "States: pending (waiting, or waiting for a retry), processing (a worker has it), sent, failed (after its last try or a permanent refusal, with lastError). Newest first.",
    "operationId": "listEmails",
    "parameters": [
     {
      "in": "query",
      "name": "orderId",
      "required": false,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "The organization's mail: its orders', its organizers' messages and campaigns', its newsletter confirmations",
      "in": "query",
      "name": "organizationId",
      "required": false,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "in": "query",
      "name": "recipient",
      "required": false,
      "schema": {
       "maxLength": 254,
       "pattern": "^[ \\t\\r\\n]*[^\\s@<>,\\u0000-\\u001F\\u007F-\\u009F]{1,64}@[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+(\\.[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+)+[ \\t\\r\\n]*$",
       "type": "string"
      }
     },
     {
      "in": "query",
      "name": "state",
      "required": false,
      "schema": {
       "enum": [
        "pending",
        "processing",
        "sent",
        "failed"
       ],
       "type": "string"
      }
     },
     {
      "in": "query",
      "name": "topic",
      "required": false,
      "schema": {
       "enum": [
        "email.order_confirmation",
        "email.payment_notice",
        "email.session_reminder",
        "email.password_reset",
        "email.order_notice",
        "email.ticket_reissued",
        "email.broadcast_copy",
        "email.newsletter_confirmation",
        "email.registration"
       ],
       "type": "string"
      }
     },
     {
      "in": "query",
      "name": "page",
      "required": false,
      "schema": {
       "default": 1,
       "maximum": 1000000,
       "minimum": 1,
       "type": "integer"
      }
     },
     {
      "in": "query",
      "name": "perPage",
      "required": false,
      "schema": {
       "default": 50,
       "maximum": 100,
       "minimum": 1,
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EmailPage"
        }
       }
      },
      "description": "A page of emails"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not an admin (others must name an organization they organize or an order they manage)"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such order, hold, ticket type or session (or not yours)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "The email log: every message queued, with its state (admins; an organization's organizers with organizationId; an order's managers with orderId)",
    "tags": [
     "Orders"
    ]
   }
  },
  "/api/admin/events": {
   "get": {
    "operationId": "listManagedEvents",
    "parameters": [
     {
      "description": "Only this kind of event",
      "in": "query",
      "name": "eventType",
      "required": false,
      "schema": {
       "enum": [
        "Class",
        "SocialEvent"
       ],
       "type": "string"
      }
     },
     {
      "description": "Only this category (case-insensitive)",
      "in": "query",
      "name": "category",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Include events that have ended",
      "in": "query",
      "name": "showPast",
      "required": false,
      "schema": {
       "default": false,
       "type": "boolean"
      }
     },
     {
      "description": "Only events this user organizes",
      "in": "query",
      "name": "organizerId",
      "required": false,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "Only events of this organization (ID or slug)",
      "in": "query",
      "name": "organization",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Events starting at or after",
      "in": "query",
      "name": "from",
      "required": false,
      "schema": {
       "format": "date-time",
       "type": "string"
      }
     },
     {
      "description": "Events starting before",
      "in": "query",
      "name": "to",
      "required": false,
      "schema": {
       "format": "date-time",
       "type": "string"
      }
     },
     {
      "description": "Free text in title or short description",
      "in": "query",
      "name": "q",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Page, from 1",
      "in": "query",
      "name": "page",
      "required": false,
      "schema": {
       "default": 1,
       "maximum": 100000,
       "minimum": 1,
       "type": "integer"
      }
     },
     {
      "description": "Events per page",
      "in": "query",
      "name": "perPage",
      "required": false,
      "schema": {
       "default": 20,
       "maximum": 100,
       "minimum": 1,
       "type": "integer"
      }
     },
     {
      "description": "Comma-separated states: draft,published,cancelled,archived",
      "in": "query",
      "name": "status",
      "required": false,
      "schema": {
       "pattern": "^((draft|published|cancelled|archived)(,(draft|published|cancelled|archived))*)?$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EventList"
        }
       }
      },
      "description": "A page of events"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Events in every state (admins: all; members: their organizations')",
    "tags": [
     "Catalog"
    ]
   }
  },
  "/api/admin/orders/{orderId}/resend-email": {
   "post": {
    "operationId": "resendOrderEmail",
    "parameters": [
     {
      "in": "path",
      "name": "orderId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "202": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Resend"
        }
       }
      },
      "description": "Queued"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such order, hold, ticket type or session (or not yours)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "The order is expired, cancelled or refunded: nothing to confirm"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Queue the order's confirmation again (organizers, admins)",
    "tags": [
     "Orders"
    ]
   }
  },
  "/api/admin/orders/{orderId}/status": {
   "put": {
    "description": "pending → paid, cancelled or expired; paid → cancelled or refunded. Paying confirms the held places; cancelling or refunding gives places back in every included session.",
    "operationId": "setOrderStatus",
    "parameters": [
     {
      "in": "path",
      "name": "orderId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/StatusChangeRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Order"
        }
       }
      },
      "description": "The order"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such order, hold, ticket type or session (or not yours)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "INVALID_TRANSITION or HOLD_EXPIRED"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Move an order through its lifecycle (organizers, admins)",
    "tags": [
     "Orders"
    ]
   }
  },
  "/api/admin/outbox": {
   "get": {
    "description": "Admins only. What BoxOffice owes after commits (emails, signals), what was delivered, and what failed with its last error.",
    "operationId": "listOutboxMessages",
    "parameters": [
     {
      "description": "Only this topic",
      "in": "query",
      "name": "topic",
      "required": false,
      "schema": {
       "enum": [
        "email.order_confirmation",
        "signal.availability_changed",
        "order.status_changed",
        "hold.changed",
        "checkin.recorded",
        "event.published",
        "event.changed",
        "event.cancelled",
        "session.changed",
        "ticket_type.changed",
        "kiosk.changed",
        "member.changed",
        "payment.refund_requested",
        "email.payment_notice",
        "email.session_reminder",
        "email.password_reset",
        "email.order_notice",
        "email.ticket_reissued",
        "event.schedule_changed",
        "broadcast.fan_out",
        "email.broadcast_copy",
        "email.newsletter_confirmation",
        "email.registration",
        "system.ping"
       ],
       "type": "string"
      }
     },
     {
      "description": "Only this state",
      "in": "query",
      "name": "state",
      "required": false,
      "schema": {
       "enum": [
        "pending",
        "delivered",
        "failed"
       ],
       "type": "string"
      }
     },
     {
      "description": "At most this many",
      "in": "query",
      "name": "limit",
      "required": false,
      "schema": {
       "default": 100,
       "maximum": 500,
       "minimum": 1,
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/OutboxList"
        }
       }
      },
      "description": "Messages and counts"
     },
     "400": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Bad filter (VALIDATION_FAILED)"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not an admin"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Outbox messages, newest first, with counts per topic and state",
    "tags": [
     "Outbox"
    ]
   }
  },
  "/api/admin/outbox/{id}/retry": {
   "post": {
    "description": "Admins only. The message goes back to pending, due now, with its attempts counted afresh.",
    "operationId": "retryOutboxMessage",
    "parameters": [
     {
      "in": "path",
      "name": "id",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/OutboxMessage"
        }
       }
      },
      "description": "The message, pending again"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not an admin"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such message"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "The message has not failed (CONFLICT)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Queue a failed message again",
    "tags": [
     "Outbox"
    ]
   }
  },
  "/api/auth/change-password": {
   "post": {
    "operationId": "changePassword",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ChangePasswordRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "204": {
      "description": "Changed"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not signed in, or current password wrong"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Too many attempts (RATE_LIMITED, with Retry-After)"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Change the password; every other sign-in is revoked",
    "tags": [
     "Accounts"
    ]
   }
  },
  "/api/auth/forgot-password": {
   "post": {
    "description": "Answers 202 whether or not the address has an account; when it has, a link valid for an hour and once is mailed to it.",
    "operationId": "forgotPassword",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ForgotPasswordRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "202": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Accepted"
        }
       }
      },
      "description": "Accepted"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Too many attempts (RATE_LIMITED, with Retry-After)"
     }
    },
    "summary": "Mail a link to reset the password",
    "tags": [
     "Accounts"
    ]
   }
  },
  "/api/auth/login": {
   "post": {
    "operationId": "login",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/LoginRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/TokenResponse"
        }
       }
      },
      "description": "Signed in"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Wrong email or password (INVALID_CREDENTIALS)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Too many attempts (RATE_LIMITED, with Retry-After)"
     }
    },
    "summary": "Sign in with email (or username) and password",
    "tags": [
     "Accounts"
    ]
   }
  },
  "/api/auth/logout": {
   "post": {
    "operationId": "logout",
    "responses": {
     "204": {
      "description": "Signed out everywhere"
     },
     "401": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Missing, invalid or expired access token (UNAUTHORIZED)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Revoke every refresh token of the signed-in user",
    "tags": [
     "Accounts"
    ]
   }
  },
  "/api/auth/me": {
   "get": {
    "operationId": "getCurrentUser",
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/User"
        }
       }
      },
      "description": "The user"
     },
     "401": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Missing, invalid or expired access token (UNAUTHORIZED)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "The signed-in user",
    "tags": [
     "Accounts"
    ]
   }
  },
  "/api/auth/refresh": {
   "post": {
    "description": "The presented token is rotated out. Presenting an already-rotated token revokes the whole sign-in (REFRESH_TOKEN_REUSED).",
    "operationId": "refreshTokens",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/RefreshRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/TokenResponse"
        }
       }
      },
      "description": "Signed in"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Invalid, expired or reused refresh token"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Too many attempts (RATE_LIMITED, with Retry-After)"
     }
    },
    "summary": "Exchange a refresh token for a new pair",
    "tags": [
     "Accounts"
    ]
   }
  },
  "/api/auth/register": {
   "post": {
    "description": "Answers 202 whether or not the address already has an account, so nobody learns who is registered; the address's owner is told by mail what happened (a link to verify a new account's address, or word that somebody tried to register it again, with a reset link). The account signs in with /api/auth/login once its address is verified (until then it is refused like a wrong password). `username` is accepted as an alias of `email`. A `role` is refused as an unknown field: no body grants itself a role.",
    "operationId": "register",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/RegisterRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "202": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Accepted"
        }
       }
      },
      "description": "Accepted"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Too many attempts (RATE_LIMITED, with Retry-After)"
     }
    },
    "summary": "Create an account (always a member); its address is verified by mail",
    "tags": [
     "Accounts"
    ]
   }
  },
  "/api/auth/resend-verification": {
   "post": {
    "description": "Answers 202 for any address; a link is sent only to an account waiting for verification.",
    "operationId": "resendVerification",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ForgotPasswordRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "202": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Accepted"
        }
       }
      },
      "description": "Accepted"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Too many attempts (RATE_LIMITED, with Retry-After)"
     }
    },
    "summary": "Mail a new link to verify an account's address",
    "tags": [
     "Accounts"
    ]
   }
  },
  "/api/auth/reset-password": {
   "post": {
    "operationId": "resetPassword",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ResetPasswordRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "204": {
      "description": "Changed"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "A token unknown, expired or used (INVALID_RESET_TOKEN)"
     },
     "429": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Too many attempts (RATE_LIMITED, with Retry-After)"
     }
    },
    "summary": "Set a new password with a mailed link's token; every sign-in is revoked",
    "tags": [
     "Accounts"
    ]
   }
  },
  "/api/auth/verify-email": {
   "post": {
    "operationId": "verifyEmail",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/VerifyEmailRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "204": {
      "description": "Verified"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "A token unknown, expired or used (INVALID_VERIFICATION_TOKEN), or not the account's password (VERIFICATION_PASSWORD_WRONG)"
     },
     "429": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Too many attempts (RATE_LIMITED, with Retry-After)"
     }
    },
    "summary": "Verify the account's address with the token of the link mailed at sign-up and the password chosen at registration",
    "tags": [
     "Accounts"
    ]
   }
  },
  "/api/checkin": {
   "post": {
    "description": "Admits the ticket once per session it includes; the database's unique (ticket, session) pair decides between doors scanning at once. Without sessionId, the session whose check-in window is open. The same nonce returns the same admission.",
    "operationId": "checkIn",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ScanRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Checkin"
        }
       }
      },
      "description": "Admitted (or, with a nonce seen before, the earlier admission with replayed: true)"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed (403), or a kiosk token outside its event or capability"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "INVALID_TICKET (unknown secret, bad signature, or a revoked version: details.reason) or TICKET_NOT_FOUND"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "ALREADY_CHECKED_IN (details: ticketId, sessionId, checkedInAt, gate, station), NOT_PAID or CANCELLED"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "WRONG_EVENT, WRONG_SESSION (details.includedSessions) or OUTSIDE_CHECKIN_WINDOW (details: opensAt, closesAt)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Admit a scanned ticket (staff of the event, organizers, admins, the event's kiosks)",
    "tags": [
     "Check-in"
    ]
   }
  },
  "/api/checkins/{checkinId}": {
   "delete": {
    "operationId": "undoCheckIn",
    "parameters": [
     {
      "in": "path",
      "name": "checkinId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "204": {
      "description": "Undone: the ticket can be admitted to that session again"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed (403), or a kiosk token outside its event or capability"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such check-in (CHECKIN_NOT_FOUND)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Undo an admission (organizers, admins); audited",
    "tags": [
     "Check-in"
    ]
   }
  },
  "/api/events": {
   "get": {
    "operationId": "listEvents",
    "parameters": [
     {
      "description": "Only this kind of event",
      "in": "query",
      "name": "eventType",
      "required": false,
      "schema": {
       "enum": [
        "Class",
        "SocialEvent"
       ],
       "type": "string"
      }
     },
     {
      "description": "Only this category (case-insensitive)",
      "in": "query",
      "name": "category",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Include events that have ended",
      "in": "query",
      "name": "showPast",
      "required": false,
      "schema": {
       "default": false,
       "type": "boolean"
      }
     },
     {
      "description": "Only events this user organizes",
      "in": "query",
      "name": "organizerId",
      "required": false,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "Only events of this organization (ID or slug)",
      "in": "query",
      "name": "organization",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Events starting at or after",
      "in": "query",
      "name": "from",
      "required": false,
      "schema": {
       "format": "date-time",
       "type": "string"
      }
     },
     {
      "description": "Events starting before",
      "in": "query",
      "name": "to",
      "required": false,
      "schema": {
       "format": "date-time",
       "type": "string"
      }
     },
     {
      "description": "Free text in title or short description",
      "in": "query",
      "name": "q",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Page, from 1",
      "in": "query",
      "name": "page",
      "required": false,
      "schema": {
       "default": 1,
       "maximum": 100000,
       "minimum": 1,
       "type": "integer"
      }
     },
     {
      "description": "Events per page",
      "in": "query",
      "name": "perPage",
      "required": false,
      "schema": {
       "default": 20,
       "maximum": 100,
       "minimum": 1,
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EventList"
        }
       }
      },
      "description": "A page of events"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Published events",
    "tags": [
     "Catalog"
    ]
   },
   "post": {
    "description": "Organizers of the organization and admins. The creator becomes the Primary organizer.",
    "operationId": "createEvent",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CreateEventRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EventDetails"
        }
       }
      },
      "description": "The event"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Create an event (as a draft)",
    "tags": [
     "Catalog"
    ]
   }
  },
  "/api/events/category/{category}": {
   "get": {
    "operationId": "listEventsByCategory",
    "parameters": [
     {
      "in": "path",
      "name": "category",
      "required": true,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Only this kind of event",
      "in": "query",
      "name": "eventType",
      "required": false,
      "schema": {
       "enum": [
        "Class",
        "SocialEvent"
       ],
       "type": "string"
      }
     },
     {
      "description": "Only this category (case-insensitive)",
      "in": "query",
      "name": "category",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Include events that have ended",
      "in": "query",
      "name": "showPast",
      "required": false,
      "schema": {
       "default": false,
       "type": "boolean"
      }
     },
     {
      "description": "Only events this user organizes",
      "in": "query",
      "name": "organizerId",
      "required": false,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "Only events of this organization (ID or slug)",
      "in": "query",
      "name": "organization",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Events starting at or after",
      "in": "query",
      "name": "from",
      "required": false,
      "schema": {
       "format": "date-time",
       "type": "string"
      }
     },
     {
      "description": "Events starting before",
      "in": "query",
      "name": "to",
      "required": false,
      "schema": {
       "format": "date-time",
       "type": "string"
      }
     },
     {
      "description": "Free text in title or short description",
      "in": "query",
      "name": "q",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Page, from 1",
      "in": "query",
      "name": "page",
      "required": false,
      "schema": {
       "default": 1,
       "maximum": 100000,
       "minimum": 1,
       "type": "integer"
      }
     },
     {
      "description": "Events per page",
      "in": "query",
      "name": "perPage",
      "required": false,
      "schema": {
       "default": 20,
       "maximum": 100,
       "minimum": 1,
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EventList"
        }
       }
      },
      "description": "A page of events"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Published events of one category",
    "tags": [
     "Catalog"
    ]
   }
  },
  "/api/events/tickets/release": {
   "post": {
    "operationId": "releaseTickets",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ReleaseRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ReleaseResponse"
        }
       }
      },
      "description": "Released"
     },
     "400": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Invalid body (VALIDATION_FAILED)"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such hold or ticket type (HOLD_NOT_FOUND, TICKET_TYPE_NOT_FOUND)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Release a reservation made with reserve (the live-updates protocol's path)",
    "tags": [
     "Sales"
    ]
   }
  },
  "/api/events/tickets/reserve": {
   "post": {
    "operationId": "reserveTickets",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ReserveRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ReserveResponse"
        }
       }
      },
      "description": "Reserved"
     },
     "400": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Invalid body (VALIDATION_FAILED)"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such hold or ticket type (HOLD_NOT_FOUND, TICKET_TYPE_NOT_FOUND)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not possible now: INSUFFICIENT_CAPACITY (details: ticketTypeId, requestedQuantity, availableQuantity, limitingSessionId), SALES_NOT_STARTED, SALES_ENDED or NOT_ON_SALE; BUYER_LIMIT when this buyer or this client address would hold more places of the event than its limit (details: scope buyer or address, limit, held, requestedQuantity)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "More than the ticket type's per-order maximum (QUANTITY_LIMIT), or an eventId that is not the ticket type's (VALIDATION_FAILED)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Reserve places: a hold for the signed-in user (the live-updates protocol's path)",
    "tags": [
     "Sales"
    ]
   }
  },
  "/api/events/upcoming": {
   "get": {
    "operationId": "listUpcomingEvents",
    "parameters": [
     {
      "description": "Only this kind of event",
      "in": "query",
      "name": "eventType",
      "required": false,
      "schema": {
       "enum": [
        "Class",
        "SocialEvent"
       ],
       "type": "string"
      }
     },
     {
      "description": "Only this category (case-insensitive)",
      "in": "query",
      "name": "category",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Include events that have ended",
      "in": "query",
      "name": "showPast",
      "required": false,
      "schema": {
       "default": false,
       "type": "boolean"
      }
     },
     {
      "description": "Only events this user organizes",
      "in": "query",
      "name": "organizerId",
      "required": false,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "Only events of this organization (ID or slug)",
      "in": "query",
      "name": "organization",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Events starting at or after",
      "in": "query",
      "name": "from",
      "required": false,
      "schema": {
       "format": "date-time",
       "type": "string"
      }
     },
     {
      "description": "Events starting before",
      "in": "query",
      "name": "to",
      "required": false,
      "schema": {
       "format": "date-time",
       "type": "string"
      }
     },
     {
      "description": "Free text in title or short description",
      "in": "query",
      "name": "q",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Page, from 1",
      "in": "query",
      "name": "page",
      "required": false,
      "schema": {
       "default": 1,
       "maximum": 100000,
       "minimum": 1,
       "type": "integer"
      }
     },
     {
      "description": "Events per page",
      "in": "query",
      "name": "perPage",
      "required": false,
      "schema": {
       "default": 20,
       "maximum": 100,
       "minimum": 1,
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EventList"
        }
       }
      },
      "description": "A page of events"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Published events that have not started",
    "tags": [
     "Catalog"
    ]
   }
  },
  "/api/events/{eventId}": {
   "delete": {
    "operationId": "deleteEvent",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "204": {
      "description": "Deleted"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "The event has registrations (EVENT_HAS_REGISTRATIONS)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Delete an event without registrations",
    "tags": [
     "Catalog"
    ]
   },
   "get": {
    "description": "Published events are public; others are visible to those who may read the organization's events.",
    "operationId": "getEvent",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EventDetails"
        }
       }
      },
      "description": "The event"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "An event with venue, organizers, sessions and ticket types",
    "tags": [
     "Catalog"
    ]
   },
   "put": {
    "description": "Lifecycle: draft → published → cancelled or archived; cancelled → archived. Publishing needs a session.",
    "operationId": "updateEvent",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/UpdateEventRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EventDetails"
        }
       }
      },
      "description": "The event"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Refused by a business rule (see the code)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Change an event, or move it through its lifecycle",
    "tags": [
     "Catalog"
    ]
   }
  },
  "/api/events/{eventId}/availability": {
   "get": {
    "operationId": "getEventAvailability",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Availability"
        }
       }
      },
      "description": "Availability"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Seats left per session and what each ticket type can sell",
    "tags": [
     "Catalog"
    ]
   }
  },
  "/api/events/{eventId}/checkins/conflicts": {
   "get": {
    "operationId": "listCheckinConflicts",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CheckinConflictList"
        }
       }
      },
      "description": "The conflicts, newest first"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed (403), or a kiosk token outside its event or capability"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Double admits reported by offline kiosks (organizers, admins)",
    "tags": [
     "Check-in"
    ]
   }
  },
  "/api/events/{eventId}/checkins/stats": {
   "get": {
    "operationId": "getCheckinStats",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CheckinStats"
        }
       }
      },
      "description": "The numbers"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed (403), or a kiosk token outside its event or capability"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Door numbers: admitted versus sold per session, per gate, per 5 minutes",
    "tags": [
     "Check-in"
    ]
   }
  },
  "/api/events/{eventId}/door-settings": {
   "get": {
    "operationId": "getDoorSettings",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/DoorSettings"
        }
       }
      },
      "description": "The settings"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed (403), or a kiosk token outside its event or capability"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "An event's door settings (organizers, admins)",
    "tags": [
     "Kiosks"
    ]
   },
   "put": {
    "description": "Switching signed tickets on makes the event's Ed25519 key pair (once); its public key is then in the settings and the offline bundle.",
    "operationId": "updateDoorSettings",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/DoorSettingsRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/DoorSettings"
        }
       }
      },
      "description": "The settings"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed (403), or a kiosk token outside its event or capability"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Switch signed tickets on or off; set the check-in window",
    "tags": [
     "Kiosks"
    ]
   }
  },
  "/api/events/{eventId}/kiosk-tokens": {
   "get": {
    "operationId": "listKioskTokens",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/KioskTokenList"
        }
       }
      },
      "description": "The kiosks (without tokens)"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed (403), or a kiosk token outside its event or capability"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "An event's kiosks, newest first (organizers, admins)",
    "tags": [
     "Kiosks"
    ]
   },
   "post": {
    "description": "The token (kiosk_…) is shown once; only its SHA-256 is kept. At most 8 hours, 4 by default.",
    "operationId": "createKioskToken",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/KioskTokenRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/KioskToken"
        }
       }
      },
      "description": "The kiosk, with its token"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed (403), or a kiosk token outside its event or capability"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Create a kiosk token for a door station (organizers, admins)",
    "tags": [
     "Kiosks"
    ]
   }
  },
  "/api/events/{eventId}/kiosk-tokens/{kioskId}": {
   "delete": {
    "operationId": "revokeKioskToken",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "in": "path",
      "name": "kioskId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "204": {
      "description": "Revoked"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed (403), or a kiosk token outside its event or capability"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event or kiosk (KIOSK_NOT_FOUND)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Revoke a kiosk token; its next request is refused",
    "tags": [
     "Kiosks"
    ]
   }
  },
  "/api/events/{eventId}/messages": {
   "get": {
    "operationId": "listEventMessages",
    "parameters": [
     {
      "description": "The event's ID",
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/OrganizerMessageList"
        }
       }
      },
      "description": "Messages"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "The organizers' messages to the event's attendees",
    "tags": [
     "Messaging"
    ]
   },
   "post": {
    "description": "Buyers of paid orders whose valid tickets open one of the sessions and whose order vouches for their address (a signed-in buyer's own account address, a guest who followed the order's link, a card payer), unless they said \"not me\"; attendees' typed addresses are not written to. Each address receives it once, in the organization's language and layout and naming it, through the outbox. At most three messages per event in 24 hours (MESSAGE_LIMIT).",
    "operationId": "sendEventMessage",
    "parameters": [
     {
      "description": "The event's ID",
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/OrganizerMessageRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "202": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/OrganizerMessage"
        }
       }
      },
      "description": "Queued"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "The event's messages of the last 24 hours reached the cap (MESSAGE_LIMIT)"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Write to the attendees of chosen sessions (S1, S2, … by their codes)",
    "tags": [
     "Messaging"
    ]
   }
  },
  "/api/events/{eventId}/messages/recipients": {
   "get": {
    "operationId": "countMessageRecipients",
    "parameters": [
     {
      "description": "The event's ID",
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "Session IDs or codes (S1, S2), comma-separated",
      "in": "query",
      "name": "sessionIds",
      "required": true,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/RecipientCount"
        }
       }
      },
      "description": "The count"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event"
     },
     "422": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "A session the event does not have (VALIDATION_FAILED)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "How many addresses a message to these sessions reaches now",
    "tags": [
     "Messaging"
    ]
   }
  },
  "/api/events/{eventId}/reminders": {
   "get": {
    "operationId": "getEventReminders",
    "parameters": [
     {
      "description": "The event's ID",
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ReminderSettings"
        }
       }
      },
      "description": "Offsets"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "When the event's ticket holders are reminded before each session",
    "tags": [
     "Messaging"
    ]
   },
   "put": {
    "description": "Minutes before each session; an empty list sends no reminders; null (or no field) follows the installation's REMINDER_OFFSETS again. Each offset is sent once per session, even with several instances.",
    "operationId": "setEventReminders",
    "parameters": [
     {
      "description": "The event's ID",
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ReminderSettingsRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ReminderSettings"
        }
       }
      },
      "description": "Offsets"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Set the event's reminder offsets (organizers)",
    "tags": [
     "Messaging"
    ]
   }
  },
  "/api/events/{eventId}/sessions": {
   "get": {
    "operationId": "listSessions",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SessionList"
        }
       }
      },
      "description": "Sessions"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "The event's sessions",
    "tags": [
     "Catalog"
    ]
   },
   "post": {
    "operationId": "createSession",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/SessionRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Session"
        }
       }
      },
      "description": "The session"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Add a session; it gets the next free number (S1, S2, …)",
    "tags": [
     "Catalog"
    ]
   }
  },
  "/api/events/{eventId}/sessions/{sessionId}": {
   "delete": {
    "operationId": "deleteSession",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "Session code within the event: S1, S2, …",
      "in": "path",
      "name": "sessionId",
      "required": true,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "204": {
      "description": "Deleted"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "SESSION_HAS_REGISTRATIONS or SESSION_IN_USE"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Delete a session with no registrations that no ticket type includes",
    "tags": [
     "Catalog"
    ]
   },
   "put": {
    "operationId": "updateSession",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "Session code within the event: S1, S2, …",
      "in": "path",
      "name": "sessionId",
      "required": true,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/SessionUpdate"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Session"
        }
       }
      },
      "description": "The session"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Capacity below sold + held (CAPACITY_BELOW_SOLD)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Change a session (only the fields sent); capacity never below sold + held",
    "tags": [
     "Catalog"
    ]
   }
  },
  "/api/events/{eventId}/ticket-types": {
   "get": {
    "operationId": "listTicketTypes",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/TicketTypeList"
        }
       }
      },
      "description": "Ticket types"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "The event's ticket types with availability",
    "tags": [
     "Catalog"
    ]
   },
   "post": {
    "operationId": "createTicketType",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/TicketTypeRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/TicketType"
        }
       }
      },
      "description": "The ticket type"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Add a ticket type including one or more sessions",
    "tags": [
     "Catalog"
    ]
   }
  },
  "/api/events/{eventId}/ticket-types/{ticketTypeId}": {
   "delete": {
    "operationId": "deleteTicketType",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "in": "path",
      "name": "ticketTypeId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "204": {
      "description": "Deleted"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "TICKET_TYPE_HAS_SALES"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Delete a ticket type that never sold",
    "tags": [
     "Catalog"
    ]
   },
   "put": {
    "description": "Included sessions are fixed once anything is sold (SESSIONS_LOCKED).",
    "operationId": "updateTicketType",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "in": "path",
      "name": "ticketTypeId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/TicketTypeUpdate"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/TicketType"
        }
       }
      },
      "description": "The ticket type"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Refused by a business rule (see the code)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Change a ticket type",
    "tags": [
     "Catalog"
    ]
   }
  },
  "/api/events/{eventId}/tickets": {
   "get": {
    "operationId": "listEventTickets",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/TicketTypeList"
        }
       }
      },
      "description": "Ticket types"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "The event's ticket types (its ticket categories, as the live-updates protocol names them)",
    "tags": [
     "Catalog"
    ]
   }
  },
  "/api/events/{eventId}/tickets/purchase": {
   "post": {
    "description": "Takes the places from the ticket type and every session it includes, and writes the order, one ticket per place and its outbox rows, in one transaction, or nothing. A total of zero is paid at once (provider free); otherwise the order is pending (provider offline: pay by transfer or at the door) and keeps its places until its paymentDeadline. A guest's free or offline order keeps them for GUEST_CONFIRM_WINDOW unless the buyer follows the link mailed to them (a free one is then paid). Guests give buyerName and buyerEmail; signed-in members pay the member price where one is set. With paymentMethod card (or CreditCard, as older clients spell it) the order is pending for the card payment window and, once the sale has committed, a payment is started at the processor: with a paymentToken (a payment method from the card form) it is confirmed at once and the answer's payment says succeeded (the order is paid), requires_action (3-D Secure: clientSecret and nextAction) or failed (failureReason; the order is cancelled and its places released); without one the payment's clientSecret lets the card form confirm it, and the webhook or the reconciler completes the order.",
    "operationId": "purchaseTickets",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "in": "header",
      "name": "X-Cart-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "description": "A retry with the same key and the same body returns the same order (200); another body is refused (409).",
      "in": "header",
      "name": "Idempotency-Key",
      "required": false,
      "schema": {
       "maxLength": 255,
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CheckoutRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Order"
        }
       }
      },
      "description": "A retry with the same Idempotency-Key: the same order"
     },
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Order"
        }
       }
      },
      "description": "The order (with its accessToken, shown only here)"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "A guest who gives no buyerEmail: sign in or say who you are (UNAUTHORIZED); an event that sells to signed-in buyers only (SIGN_IN_REQUIRED)"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such order, hold, ticket type or session (or not yours)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not possible: INSUFFICIENT_CAPACITY (details: ticketTypeId, requestedQuantity, availableQuantity, limitingSessionId), SALES_NOT_STARTED, SALES_ENDED, NOT_ON_SALE, HOLD_EXPIRED; BUYER_LIMIT when the order would take this buyer or client address past the event's limit on places they have, held, pending or sold (details: scope buyer or address, limit, held, requestedQuantity)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "A card method where no card processor is configured (PAYMENT_METHOD_UNAVAILABLE), a paymentToken without a card method, more than the ticket type's per-order maximum (QUANTITY_LIMIT), an eventId that is not the ticket type's or the hold's, or a buyerName that trimming leaves blank (VALIDATION_FAILED)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Buy tickets of an event in one call: the places, the order and its tickets",
    "tags": [
     "Orders"
    ]
   }
  },
  "/api/holds": {
   "post": {
    "description": "Takes the places from the ticket type and every session it includes, atomically, until `expiresAt` (HOLD_TTL, 10 minutes by default). Signed-in users own their holds; otherwise the hold belongs to an anonymous cart whose token is returned once as `cartToken` (send it back as X-Cart-Token).",
    "operationId": "createHold",
    "parameters": [
     {
      "description": "An anonymous cart's token, as returned when its first hold was made.",
      "in": "header",
      "name": "X-Cart-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/HoldRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Hold"
        }
       }
      },
      "description": "The hold"
     },
     "400": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Invalid body (VALIDATION_FAILED)"
     },
     "401": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "An event that sells to signed-in buyers only (SIGN_IN_REQUIRED)"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such hold or ticket type (HOLD_NOT_FOUND, TICKET_TYPE_NOT_FOUND)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not possible now: INSUFFICIENT_CAPACITY (details: ticketTypeId, requestedQuantity, availableQuantity, limitingSessionId), SALES_NOT_STARTED, SALES_ENDED or NOT_ON_SALE; BUYER_LIMIT when this buyer or this client address would hold more places of the event than its limit (details: scope buyer or address, limit, held, requestedQuantity)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "More than the ticket type's per-order maximum (QUANTITY_LIMIT), or an eventId that is not the ticket type's (VALIDATION_FAILED)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Hold places of a ticket type for a while",
    "tags": [
     "Sales"
    ]
   }
  },
  "/api/holds/mine": {
   "get": {
    "operationId": "listMyHolds",
    "parameters": [
     {
      "description": "An anonymous cart's token, as returned when its first hold was made.",
      "in": "header",
      "name": "X-Cart-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/HoldList"
        }
       }
      },
      "description": "Holds"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Neither signed in nor a cart token"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "My active holds (signed in, or by X-Cart-Token)",
    "tags": [
     "Sales"
    ]
   }
  },
  "/api/holds/{holdId}": {
   "delete": {
    "operationId": "releaseHold",
    "parameters": [
     {
      "in": "path",
      "name": "holdId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "An anonymous cart's token, as returned when its first hold was made.",
      "in": "header",
      "name": "X-Cart-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "204": {
      "description": "Released (or already ended)"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Neither signed in nor a cart token"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such hold or ticket type (HOLD_NOT_FOUND, TICKET_TYPE_NOT_FOUND)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Release a hold; its places go back on sale",
    "tags": [
     "Sales"
    ]
   }
  },
  "/api/kiosk/attendees": {
   "get": {
    "operationId": "searchAttendees",
    "parameters": [
     {
      "in": "query",
      "name": "q",
      "required": true,
      "schema": {
       "maxLength": 200,
       "minLength": 2,
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AttendeeSearch"
        }
       }
      },
      "description": "Up to 50 matches"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed (403), or a kiosk token outside its event or capability"
     },
     "422": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "A query that trimming leaves shorter than two (VALIDATION_FAILED)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Search the event's attendees by name, email or order number (scan_search kiosks)",
    "tags": [
     "Kiosks"
    ]
   }
  },
  "/api/kiosk/me": {
   "get": {
    "operationId": "getKiosk",
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/KioskSelf"
        }
       }
      },
      "description": "The kiosk"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed (403), or a kiosk token outside its event or capability"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "The calling kiosk: station, event, capabilities, expiry",
    "tags": [
     "Kiosks"
    ]
   }
  },
  "/api/kiosk/offline-bundle": {
   "get": {
    "description": "The event's public key and payload format, the revocation list, the sessions' check-in windows, the ticket types' sessions and who is already in; for events without signed tickets, every valid ticket's secret hash (hex SHA-256).",
    "operationId": "getOfflineBundle",
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/OfflineBundle"
        }
       }
      },
      "description": "The bundle"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed (403), or a kiosk token outside its event or capability"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "What a kiosk needs to keep admitting offline",
    "tags": [
     "Kiosks"
    ]
   }
  },
  "/api/kiosk/sync": {
   "post": {
    "description": "Each scan is admitted as of its own time. A scan of a ticket already admitted to that session is reported as a duplicate and kept for the organizer. Uploading the same nonce again gives the same outcome.",
    "operationId": "syncOfflineScans",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/SyncRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SyncResponse"
        }
       }
      },
      "description": "One result per scan"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed (403), or a kiosk token outside its event or capability"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Upload scans made offline (up to 500, each with its nonce and time)",
    "tags": [
     "Kiosks"
    ]
   }
  },
  "/api/newsletter/confirm": {
   "post": {
    "operationId": "confirmNewsletter",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/NewsletterTokenRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/NewsletterAnswer"
        }
       }
      },
      "description": "Subscribed"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "A token unknown or expired (INVALID_NEWSLETTER_TOKEN)"
     },
     "429": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Too many attempts (RATE_LIMITED, with Retry-After)"
     }
    },
    "summary": "Confirm a subscription with the mailed link's token",
    "tags": [
     "Messaging"
    ]
   }
  },
  "/api/newsletter/subscribe": {
   "post": {
    "description": "Answers 202 for any address; a confirmation link is mailed, and only a confirmed subscriber receives campaigns. `organizationId` may be left out when the installation has one organization.",
    "operationId": "subscribeNewsletter",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/SubscribeRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "202": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/NewsletterAnswer"
        }
       }
      },
      "description": "Accepted"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Too many attempts (RATE_LIMITED, with Retry-After)"
     }
    },
    "summary": "Subscribe to an organization's newsletter (double opt-in: nothing is sent until the mailed link is followed)",
    "tags": [
     "Messaging"
    ]
   }
  },
  "/api/newsletter/unsubscribe": {
   "post": {
    "description": "The token in the query (as the List-Unsubscribe header gives it, with the form body `List-Unsubscribe=One-Click`) or in a JSON body.",
    "operationId": "unsubscribeNewsletter",
    "parameters": [
     {
      "in": "query",
      "name": "token",
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/NewsletterUnsubscribeRequest"
       }
      },
      "application/x-www-form-urlencoded": {
       "schema": {
        "additionalProperties": false,
        "properties": {
         "List-Unsubscribe": {
          "enum": [
           "One-Click",
           null
          ],
          "type": [
           "string",
           "null"
          ]
         }
        },
        "type": "object"
       }
      }
     },
     "required": false
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/NewsletterAnswer"
        }
       }
      },
      "description": "Unsubscribed"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "A token unknown (INVALID_NEWSLETTER_TOKEN)"
     },
     "429": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Too many attempts (RATE_LIMITED, with Retry-After)"
     }
    },
    "summary": "Leave a newsletter: the one-click address of List-Unsubscribe (RFC 8058)",
    "tags": [
     "Messaging"
    ]
   }
  },
  "/api/orders": {
   "get": {
    "operationId": "listMyOrders",
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/OrderList"
        }
       }
      },
      "description": "Orders"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "My orders, newest first",
    "tags": [
     "Orders"
    ]
   },
   "post": {
    "description": "Takes the places from the ticket type and every session it includes, and writes the order, one ticket per place and its outbox rows, in one transaction, or nothing. A total of zero is paid at once (provider free); otherwise the order is pending (provider offline: pay by transfer or at the door) and keeps its places until its paymentDeadline. A guest's free or offline order keeps them for GUEST_CONFIRM_WINDOW unless the buyer follows the link mailed to them (a free one is then paid). Guests give buyerName and buyerEmail; signed-in members pay the member price where one is set. With paymentMethod card (or CreditCard, as older clients spell it) the order is pending for the card payment window and, once the sale has committed, a payment is started at the processor: with a paymentToken (a payment method from the card form) it is confirmed at once and the answer's payment says succeeded (the order is paid), requires_action (3-D Secure: clientSecret and nextAction) or failed (failureReason; the order is cancelled and its places released); without one the payment's clientSecret lets the card form confirm it, and the webhook or the reconciler completes the order.",
    "operationId": "createOrder",
    "parameters": [
     {
      "in": "header",
      "name": "X-Cart-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "description": "A retry with the same key and the same body returns the same order (200); another body is refused (409).",
      "in": "header",
      "name": "Idempotency-Key",
      "required": false,
      "schema": {
       "maxLength": 255,
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CheckoutRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Order"
        }
       }
      },
      "description": "A retry with the same Idempotency-Key: the same order"
     },
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Order"
        }
       }
      },
      "description": "The order (with its accessToken, shown only here)"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "A guest who gives no buyerEmail: sign in or say who you are (UNAUTHORIZED); an event that sells to signed-in buyers only (SIGN_IN_REQUIRED)"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such order, hold, ticket type or session (or not yours)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not possible: INSUFFICIENT_CAPACITY (details: ticketTypeId, requestedQuantity, availableQuantity, limitingSessionId), SALES_NOT_STARTED, SALES_ENDED, NOT_ON_SALE, HOLD_EXPIRED; BUYER_LIMIT when the order would take this buyer or client address past the event's limit on places they have, held, pending or sold (details: scope buyer or address, limit, held, requestedQuantity)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "A card method where no card processor is configured (PAYMENT_METHOD_UNAVAILABLE), a paymentToken without a card method, more than the ticket type's per-order maximum (QUANTITY_LIMIT), an eventId that is not the ticket type's or the hold's, or a buyerName that trimming leaves blank (VALIDATION_FAILED)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Create an order (seeds 003 and 004)",
    "tags": [
     "Orders"
    ]
   }
  },
  "/api/orders/all": {
   "get": {
    "operationId": "listAllOrders",
    "parameters": [
     {
      "in": "query",
      "name": "page",
      "required": false,
      "schema": {
       "default": 1,
       "maximum": 1000000,
       "minimum": 1,
       "type": "integer"
      }
     },
     {
      "in": "query",
      "name": "perPage",
      "required": false,
      "schema": {
       "default": 50,
       "maximum": 100,
       "minimum": 1,
       "type": "integer"
      }
     },
     {
      "in": "query",
      "name": "status",
      "required": false,
      "schema": {
       "enum": [
        "pending",
        "paid",
        "cancelled",
        "refunded",
        "expired"
       ],
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/OrderPage"
        }
       }
      },
      "description": "A page of orders"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not an admin"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Every order, newest first (admins)",
    "tags": [
     "Orders"
    ]
   }
  },
  "/api/orders/event/{eventId}": {
   "get": {
    "operationId": "listEventOrders",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "in": "query",
      "name": "page",
      "required": false,
      "schema": {
       "default": 1,
       "maximum": 1000000,
       "minimum": 1,
       "type": "integer"
      }
     },
     {
      "in": "query",
      "name": "perPage",
      "required": false,
      "schema": {
       "default": 50,
       "maximum": 100,
       "minimum": 1,
       "type": "integer"
      }
     },
     {
      "in": "query",
      "name": "status",
      "required": false,
      "schema": {
       "enum": [
        "pending",
        "paid",
        "cancelled",
        "refunded",
        "expired"
       ],
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/OrderPage"
        }
       }
      },
      "description": "A page of orders"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such order, hold, ticket type or session (or not yours)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "An event's orders, newest first (organizers, admins)",
    "tags": [
     "Orders"
    ]
   }
  },
  "/api/orders/with-lock": {
   "post": {
    "description": "Takes the places from the ticket type and every session it includes, and writes the order, one ticket per place and its outbox rows, in one transaction, or nothing. A total of zero is paid at once (provider free); otherwise the order is pending (provider offline: pay by transfer or at the door) and keeps its places until its paymentDeadline. A guest's free or offline order keeps them for GUEST_CONFIRM_WINDOW unless the buyer follows the link mailed to them (a free one is then paid). Guests give buyerName and buyerEmail; signed-in members pay the member price where one is set. With paymentMethod card (or CreditCard, as older clients spell it) the order is pending for the card payment window and, once the sale has committed, a payment is started at the processor: with a paymentToken (a payment method from the card form) it is confirmed at once and the answer's payment says succeeded (the order is paid), requires_action (3-D Secure: clientSecret and nextAction) or failed (failureReason; the order is cancelled and its places released); without one the payment's clientSecret lets the card form confirm it, and the webhook or the reconciler completes the order.",
    "operationId": "createOrderFromHold",
    "parameters": [
     {
      "in": "header",
      "name": "X-Cart-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "description": "A retry with the same key and the same body returns the same order (200); another body is refused (409).",
      "in": "header",
      "name": "Idempotency-Key",
      "required": false,
      "schema": {
       "maxLength": 255,
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/HoldCheckoutRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Order"
        }
       }
      },
      "description": "A retry with the same Idempotency-Key: the same order"
     },
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Order"
        }
       }
      },
      "description": "The order (with its accessToken, shown only here)"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "A guest who gives no buyerEmail: sign in or say who you are (UNAUTHORIZED); an event that sells to signed-in buyers only (SIGN_IN_REQUIRED)"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such order, hold, ticket type or session (or not yours)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not possible: INSUFFICIENT_CAPACITY (details: ticketTypeId, requestedQuantity, availableQuantity, limitingSessionId), SALES_NOT_STARTED, SALES_ENDED, NOT_ON_SALE, HOLD_EXPIRED; BUYER_LIMIT when the order would take this buyer or client address past the event's limit on places they have, held, pending or sold (details: scope buyer or address, limit, held, requestedQuantity)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "A card method where no card processor is configured (PAYMENT_METHOD_UNAVAILABLE), a paymentToken without a card method, more than the ticket type's per-order maximum (QUANTITY_LIMIT), an eventId that is not the ticket type's or the hold's, or a buyerName that trimming leaves blank (VALIDATION_FAILED)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Turn a hold (lockId or holdId) into an order",
    "tags": [
     "Orders"
    ]
   }
  },
  "/api/orders/{orderId}": {
   "get": {
    "operationId": "getOrder",
    "parameters": [
     {
      "description": "The order's ID, or its 10-character number",
      "in": "path",
      "name": "orderId",
      "required": true,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "The buyer's email, required to look an order up by number without its token",
      "in": "query",
      "name": "email",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "A guest's access token for the order, as returned when it was created.",
      "in": "header",
      "name": "X-Order-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Order"
        }
       }
      },
      "description": "The order"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such order, hold, ticket type or session (or not yours)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "One order by ID (its buyer, its organizers, admins, or a guest with its token) or by number with ?email=",
    "tags": [
     "Orders"
    ]
   }
  },
  "/api/orders/{orderId}/cancel": {
   "post": {
    "operationId": "cancelOrder",
    "parameters": [
     {
      "in": "path",
      "name": "orderId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "A guest's access token for the order, as returned when it was created.",
      "in": "header",
      "name": "X-Order-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Order"
        }
       }
      },
      "description": "The order"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such order, hold, ticket type or session (or not yours)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not pending (INVALID_TRANSITION)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Cancel my unpaid order; its places go back on sale",
    "tags": [
     "Orders"
    ]
   }
  },
  "/api/orders/{orderId}/payments": {
   "get": {
    "description": "The buyer also sees the clientSecret of a payment that is not final, to finish it with the card form.",
    "operationId": "listOrderPayments",
    "parameters": [
     {
      "in": "path",
      "name": "orderId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "A guest's access token for the order, as returned when it was created.",
      "in": "header",
      "name": "X-Order-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/OrderPayments"
        }
       }
      },
      "description": "Payments and refunds"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such order, hold, ticket type or session (or not yours)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "An order's payments and refunds (its buyer, its organizers, admins)",
    "tags": [
     "Payments"
    ]
   },
   "post": {
    "description": "Starts another card payment of a pending order (after giving up on 3-D Secure, or to pay an offline order by card), or of an order a declined card cancelled (a retry after a decline: its places were released, so the order is revived if they are still there when the payment succeeds, and the payment refunded otherwise). A second payment that succeeds after the first is refunded automatically. Without a paymentToken, a payment of the order still open at the processor (not final, of the order's total) is answered again instead of a new one; an order has at most 5 card payments, the checkout's included.",
    "operationId": "payOrder",
    "parameters": [
     {
      "in": "path",
      "name": "orderId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "A guest's access token for the order, as returned when it was created.",
      "in": "header",
      "name": "X-Order-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/PayOrderRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Payment"
        }
       }
      },
      "description": "The payment as the processor left it"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such order, hold, ticket type or session (or not yours)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "The order waits for no payment (INVALID_TRANSITION), or has had the most card payments one order may have (PAYMENT_ATTEMPTS_EXHAUSTED; details: limit)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Pay my pending order by card (again)",
    "tags": [
     "Payments"
    ]
   }
  },
  "/api/orders/{orderId}/refunds": {
   "post": {
    "description": "Refunds amountMinor (all that is left when omitted) from the order's succeeded payments: card payments through the processor (pending until it reports them done), payments recorded by hand as manual refunds. Refunding all that is left moves the order to refunded and gives its places back.",
    "operationId": "refundOrder",
    "parameters": [
     {
      "in": "path",
      "name": "orderId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/RefundOrderRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/RefundList"
        }
       }
      },
      "description": "The refunds made"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such order, hold, ticket type or session (or not yours)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Neither paid nor refunded/cancelled with money left (INVALID_TRANSITION), or more than is left (REFUND_TOO_LARGE; details: refundableMinor)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Refund all or part of a paid order (organizers, admins)",
    "tags": [
     "Payments"
    ]
   }
  },
  "/api/organizations": {
   "get": {
    "operationId": "listMyOrganizations",
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/OrganizationList"
        }
       }
      },
      "description": "Organizations"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "The organizations I belong to, with my role",
    "tags": [
     "Organizations"
    ]
   },
   "post": {
    "description": "Without a slug, one is made from the name.",
    "operationId": "createOrganization",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CreateOrganizationRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Organization"
        }
       }
      },
      "description": "Created"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Slug taken (SLUG_TAKEN)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Create an organization; the creator becomes its owner",
    "tags": [
     "Organizations"
    ]
   }
  },
  "/api/organizations/{organizationId}": {
   "get": {
    "operationId": "getOrganization",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Organization"
        }
       }
      },
      "description": "The organization"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization or member"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "One organization (members and admins)",
    "tags": [
     "Organizations"
    ]
   }
  },
  "/api/organizations/{organizationId}/email-settings": {
   "get": {
    "operationId": "getEmailSettings",
    "parameters": [
     {
      "description": "The organization's ID",
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EmailSettings"
        }
       }
      },
      "description": "Settings"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "The organization's mail: language, reply-to, colours, footer",
    "tags": [
     "Messaging"
    ]
   },
   "put": {
    "description": "The whole setting: an absent or null field takes its default (the installation's language, no reply-to, the default colours, no footer address, UTC). Times in its mail are shown in `timeZone` (events carry none of their own yet). The logo is the organization's own.",
    "operationId": "setEmailSettings",
    "parameters": [
     {
      "description": "The organization's ID",
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/EmailSettingsRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EmailSettings"
        }
       }
      },
      "description": "Settings"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Set the organization's mail (owners)",
    "tags": [
     "Messaging"
    ]
   }
  },
  "/api/organizations/{organizationId}/embedding": {
   "get": {
    "operationId": "getEmbedding",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Embedding"
        }
       }
      },
      "description": "The allowed origins"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization or member"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "The sites allowed to frame the organization's embeds (members and admins)",
    "tags": [
     "Organizations"
    ]
   },
   "put": {
    "description": "Each an origin (https://host[:port]; http only for localhost), 20 at most; an empty list allows none. Embeds answer with Content-Security-Policy: frame-ancestors naming them.",
    "operationId": "setEmbedding",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/EmbeddingRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Embedding"
        }
       }
      },
      "description": "The allowed origins"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization or member"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Replace the sites allowed to frame the organization's embeds (owners and admins)",
    "tags": [
     "Organizations"
    ]
   }
  },
  "/api/organizations/{organizationId}/logo": {
   "delete": {
    "operationId": "removeOrganizationLogo",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "204": {
      "description": "Removed"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization or member"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Remove the organization's logo (owners and admins)",
    "tags": [
     "Organizations"
    ]
   },
   "get": {
    "description": "A redirect to a link to the image that works for an hour: this server's /files/… for a folder store, the bucket's presigned URL for S3.",
    "operationId": "getOrganizationLogo",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "302": {
      "description": "Found: Location is the image's link"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization, or it has no logo"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "The organization's logo (anyone)",
    "tags": [
     "Organizations"
    ]
   },
   "put": {
    "description": "The body is the image itself: PNG, JPEG or WebP, recognised by its first bytes, at most 1 MiB. Replaces the previous logo.",
    "operationId": "setOrganizationLogo",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "image/jpeg": {
       "schema": {
        "contentEncoding": "binary",
        "type": "string"
       }
      },
      "image/png": {
       "schema": {
        "contentEncoding": "binary",
        "type": "string"
       }
      },
      "image/webp": {
       "schema": {
        "contentEncoding": "binary",
        "type": "string"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Organization"
        }
       }
      },
      "description": "The organization, with its logoUrl"
     },
     "400": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not a PNG, JPEG or WebP image, or Content-Type says otherwise"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization or member"
     },
     "413": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Larger than 1 MiB"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     },
     "503": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "The installation keeps no files (STORAGE_DIR or S3_* unset)"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Upload the organization's logo (owners and admins)",
    "tags": [
     "Organizations"
    ]
   }
  },
  "/api/organizations/{organizationId}/members": {
   "get": {
    "operationId": "listMembers",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MemberList"
        }
       }
      },
      "description": "Members"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization or member"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Members with roles and staff events (owners, organizers, admins)",
    "tags": [
     "Organizations"
    ]
   },
   "post": {
    "operationId": "addMember",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/AddMemberRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Member"
        }
       }
      },
      "description": "The member"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization or member"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Already a member (ALREADY_MEMBER)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Add an existing account as a member (owners, admins)",
    "tags": [
     "Organizations"
    ]
   }
  },
  "/api/organizations/{organizationId}/members/{userId}": {
   "delete": {
    "description": "The last owner cannot be removed (LAST_OWNER).",
    "operationId": "removeMember",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "in": "path",
      "name": "userId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "204": {
      "description": "Removed"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization or member"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Would leave no owner (LAST_OWNER)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Remove a member (owners, admins)",
    "tags": [
     "Organizations"
    ]
   },
   "put": {
    "description": "The last owner cannot be demoted (LAST_OWNER). Leaving the staff role clears event assignments.",
    "operationId": "changeMemberRole",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "in": "path",
      "name": "userId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ChangeRoleRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Member"
        }
       }
      },
      "description": "The member"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization or member"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Would leave no owner (LAST_OWNER)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Change a member's role (owners, admins)",
    "tags": [
     "Organizations"
    ]
   }
  },
  "/api/organizations/{organizationId}/members/{userId}/events": {
   "put": {
    "operationId": "assignStaffEvents",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "in": "path",
      "name": "userId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/AssignEventsRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Member"
        }
       }
      },
      "description": "The member"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization or member"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "The member is not staff (NOT_STAFF)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Set the events a staff member works at (organizers, owners, admins)",
    "tags": [
     "Organizations"
    ]
   }
  },
  "/api/organizations/{organizationId}/newsletter/campaigns": {
   "get": {
    "operationId": "listCampaigns",
    "parameters": [
     {
      "description": "The organization's ID",
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CampaignList"
        }
       }
      },
      "description": "Campaigns"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "The organization's newsletter campaigns",
    "tags": [
     "Messaging"
    ]
   },
   "post": {
    "description": "Sent in batches through the outbox, each address once, with unsubscribe links and List-Unsubscribe one-click headers.",
    "operationId": "sendCampaign",
    "parameters": [
     {
      "description": "The organization's ID",
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CampaignRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "202": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Campaign"
        }
       }
      },
      "description": "Queued"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Send a campaign to every confirmed subscriber (organizers)",
    "tags": [
     "Messaging"
    ]
   }
  },
  "/api/organizations/{organizationId}/newsletter/subscribers": {
   "get": {
    "operationId": "listSubscribers",
    "parameters": [
     {
      "description": "The organization's ID",
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "in": "query",
      "name": "status",
      "schema": {
       "enum": [
        "pending",
        "subscribed",
        "unsubscribed"
       ],
       "type": "string"
      }
     },
     {
      "in": "query",
      "name": "page",
      "schema": {
       "default": 1,
       "maximum": 1000000,
       "minimum": 1,
       "type": "integer"
      }
     },
     {
      "in": "query",
      "name": "perPage",
      "schema": {
       "default": 100,
       "maximum": 500,
       "minimum": 1,
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SubscriberPage"
        }
       }
      },
      "description": "Subscribers"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "The organization's newsletter subscribers (organizers)",
    "tags": [
     "Messaging"
    ]
   }
  },
  "/api/organizations/{organizationId}/newsletter/subscribers/export": {
   "get": {
    "operationId": "exportSubscribers",
    "parameters": [
     {
      "description": "The organization's ID",
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "text/csv": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "CSV (RFC 4180)"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Every subscriber as CSV, with the consent's time and address",
    "tags": [
     "Messaging"
    ]
   }
  },
  "/api/organizations/{organizationId}/newsletter/subscribers/{subscriberId}": {
   "delete": {
    "operationId": "removeSubscriber",
    "parameters": [
     {
      "description": "The organization's ID",
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "The subscriber's ID",
      "in": "path",
      "name": "subscriberId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "204": {
      "description": "Removed"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization or subscriber"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Remove a subscriber and their consent record (erasure)",
    "tags": [
     "Messaging"
    ]
   }
  },
  "/api/organizations/{organizationId}/partner-keys": {
   "get": {
    "operationId": "listPartnerKeys",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/PartnerKeyList"
        }
       }
      },
      "description": "Partner keys"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization or member"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "The organization's partner keys, without the keys (owners and admins)",
    "tags": [
     "Organizations"
    ]
   },
   "post": {
    "description": "The key is in the answer this once; the partner app sends it as `Authorization: Bearer pk_…` to /api/partner/….",
    "operationId": "createPartnerKey",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CreatePartnerKeyRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/PartnerKeyCreated"
        }
       }
      },
      "description": "The key, shown once"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization or member"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Make a key for a partner app (owners and admins)",
    "tags": [
     "Organizations"
    ]
   }
  },
  "/api/organizations/{organizationId}/partner-keys/{keyId}": {
   "delete": {
    "operationId": "revokePartnerKey",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "in": "path",
      "name": "keyId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "204": {
      "description": "Revoked"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such organization or member"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Revoke a partner key: it stops working at once (owners and admins)",
    "tags": [
     "Organizations"
    ]
   }
  },
  "/api/organizations/{organizationId}/venues": {
   "get": {
    "operationId": "listVenues",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/VenueList"
        }
       }
      },
      "description": "Venues"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "The organization's venues",
    "tags": [
     "Catalog"
    ]
   },
   "post": {
    "operationId": "createVenue",
    "parameters": [
     {
      "in": "path",
      "name": "organizationId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/VenueRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Venue"
        }
       }
      },
      "description": "The venue"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Add a venue",
    "tags": [
     "Catalog"
    ]
   }
  },
  "/api/partner/events": {
   "get": {
    "description": "With a partner key: the key's organization's published events only.",
    "operationId": "listPartnerEvents",
    "parameters": [
     {
      "description": "Only this kind of event",
      "in": "query",
      "name": "eventType",
      "required": false,
      "schema": {
       "enum": [
        "Class",
        "SocialEvent"
       ],
       "type": "string"
      }
     },
     {
      "description": "Only this category (case-insensitive)",
      "in": "query",
      "name": "category",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Only events this user organizes",
      "in": "query",
      "name": "organizerId",
      "required": false,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "Only events of this organization (ID or slug)",
      "in": "query",
      "name": "organization",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "description": "Events starting at or after",
      "in": "query",
      "name": "from",
      "required": false,
      "schema": {
       "format": "date-time",
       "type": "string"
      }
     },
     {
      "description": "Events starting before",
      "in": "query",
      "name": "to",
      "required": false,
      "schema": {
       "format": "date-time",
       "type": "string"
      }
     },
     {
      "description": "Free text in title or short description",
      "in": "query",
      "name": "q",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "in": "query",
      "name": "page",
      "required": false,
      "schema": {
       "default": 1,
       "maximum": 100000,
       "minimum": 1,
       "type": "integer"
      }
     },
     {
      "in": "query",
      "name": "perPage",
      "required": false,
      "schema": {
       "default": 20,
       "maximum": 100,
       "minimum": 1,
       "type": "integer"
      }
     },
     {
      "in": "query",
      "name": "showPast",
      "required": false,
      "schema": {
       "default": false,
       "type": "boolean"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EventList"
        }
       }
      },
      "description": "A page of events"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No partner key, or an unknown or revoked one (UNAUTHORIZED)"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "A person's or a kiosk's token (FORBIDDEN)"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such published event of this organization"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "partnerKey": []
     }
    ],
    "summary": "The organization's published events",
    "tags": [
     "Partners"
    ]
   }
  },
  "/api/partner/events/{eventId}": {
   "get": {
    "description": "With a partner key: the key's organization's published events only.",
    "operationId": "getPartnerEvent",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EventDetails"
        }
       }
      },
      "description": "The event"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No partner key, or an unknown or revoked one (UNAUTHORIZED)"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "A person's or a kiosk's token (FORBIDDEN)"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such published event of this organization"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "partnerKey": []
     }
    ],
    "summary": "One of the organization's published events",
    "tags": [
     "Partners"
    ]
   }
  },
  "/api/sessions/{sessionId}/registrations": {
   "get": {
    "operationId": "listSessionRegistrations",
    "parameters": [
     {
      "description": "The session's ID (sessionUuid), not its code",
      "in": "path",
      "name": "sessionId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/RegistrationList"
        }
       }
      },
      "description": "Registrations"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such order, hold, ticket type or session (or not yours)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Who is registered for a session (organizers, admins)",
    "tags": [
     "Orders"
    ]
   }
  },
  "/api/ticket-types/{ticketTypeId}/availability": {
   "get": {
    "operationId": "getTicketTypeAvailability",
    "parameters": [
     {
      "in": "path",
      "name": "ticketTypeId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/TicketTypeAvailability"
        }
       }
      },
      "description": "Availability"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "What one ticket type can sell, and which sessions limit it",
    "tags": [
     "Catalog"
    ]
   }
  },
  "/api/tickets/{ticketId}/attendee": {
   "put": {
    "operationId": "nameAttendee",
    "parameters": [
     {
      "in": "path",
      "name": "ticketId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "A guest's access token for the order, as returned when it was created.",
      "in": "header",
      "name": "X-Order-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/AttendeeRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/OrderTicket"
        }
       }
      },
      "description": "The ticket"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such order, hold, ticket type or session (or not yours)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "The ticket is cancelled or refunded (INVALID_TRANSITION)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Name (or rename) a ticket's attendee (its buyer, organizers)",
    "tags": [
     "Orders"
    ]
   }
  },
  "/api/tickets/{ticketId}/cancel": {
   "put": {
    "description": "Frees its place in every session it includes. Full refund until the event's refundCutoffHours before the ticket's first session, none after (or when the event has no rule).",
    "operationId": "cancelTicket",
    "parameters": [
     {
      "in": "path",
      "name": "ticketId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "A guest's access token for the order, as returned when it was created.",
      "in": "header",
      "name": "X-Order-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/TicketCancellation"
        }
       }
      },
      "description": "The cancellation"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such order, hold, ticket type or session (or not yours)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "The order is not paid, or the ticket is not valid (INVALID_TRANSITION)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Cancel one ticket of a paid order under the event's refund rule",
    "tags": [
     "Orders"
    ]
   }
  },
  "/api/tickets/{ticketId}/checkin": {
   "put": {
    "description": "Staff of the event, organizers, admins, and kiosks with the scan_search capability.",
    "operationId": "checkInTicket",
    "parameters": [
     {
      "in": "path",
      "name": "ticketId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CheckinRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Checkin"
        }
       }
      },
      "description": "Admitted (or, with a nonce seen before, the earlier admission with replayed: true)"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Not allowed (403), or a kiosk token outside its event or capability"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "INVALID_TICKET (unknown secret, bad signature, or a revoked version: details.reason) or TICKET_NOT_FOUND"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "ALREADY_CHECKED_IN (details: ticketId, sessionId, checkedInAt, gate, station), NOT_PAID or CANCELLED"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "WRONG_EVENT, WRONG_SESSION (details.includedSessions) or OUTSIDE_CHECKIN_WINDOW (details: opensAt, closesAt)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Admit a ticket by ID, after an attendee search",
    "tags": [
     "Check-in"
    ]
   }
  },
  "/api/tickets/{ticketId}/pass": {
   "get": {
    "description": "The ticket's secret (32 random bytes, URL-safe base64; the server keeps only its SHA-256), or, for events with signed tickets, a BOX1 payload signed with the event's Ed25519 key.",
    "operationId": "getTicketPass",
    "parameters": [
     {
      "in": "path",
      "name": "ticketId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "A guest's access token for the ticket's order (or `?orderToken=` in the query, for image links).",
      "in": "header",
      "name": "X-Order-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "in": "query",
      "name": "orderToken",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/TicketPass"
        }
       }
      },
      "description": "The pass"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such ticket, or not yours (TICKET_NOT_FOUND)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "NOT_PAID (the order is not paid) or CANCELLED"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "The text of a ticket's QR code (its holder, or a guest with the order's token)",
    "tags": [
     "Tickets"
    ]
   }
  },
  "/api/tickets/{ticketId}/qr.png": {
   "get": {
    "operationId": "getTicketQRCodePNG",
    "parameters": [
     {
      "in": "path",
      "name": "ticketId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "A guest's access token for the ticket's order (or `?orderToken=` in the query, for image links).",
      "in": "header",
      "name": "X-Order-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "in": "query",
      "name": "orderToken",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "image/png": {
        "schema": {
         "format": "binary",
         "type": "string"
        }
       }
      },
      "description": "The QR code of the ticket's pass (its qrText)"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such ticket, or not yours (TICKET_NOT_FOUND)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "NOT_PAID (the order is not paid) or CANCELLED"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "A ticket's QR code as PNG",
    "tags": [
     "Tickets"
    ]
   }
  },
  "/api/tickets/{ticketId}/qr.svg": {
   "get": {
    "operationId": "getTicketQRCodeSVG",
    "parameters": [
     {
      "in": "path",
      "name": "ticketId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "A guest's access token for the ticket's order (or `?orderToken=` in the query, for image links).",
      "in": "header",
      "name": "X-Order-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "in": "query",
      "name": "orderToken",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "image/svg+xml": {
        "schema": {
         "format": "binary",
         "type": "string"
        }
       }
      },
      "description": "The QR code of the ticket's pass (its qrText)"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such ticket, or not yours (TICKET_NOT_FOUND)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "NOT_PAID (the order is not paid) or CANCELLED"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "A ticket's QR code as SVG",
    "tags": [
     "Tickets"
    ]
   }
  },
  "/api/tickets/{ticketId}/reissue": {
   "post": {
    "description": "The old version goes on the event's revocation list (offline kiosks get it in their bundle).",
    "operationId": "reissueTicket",
    "parameters": [
     {
      "in": "path",
      "name": "ticketId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     },
     {
      "description": "A guest's access token for the ticket's order (or `?orderToken=` in the query, for image links).",
      "in": "header",
      "name": "X-Order-Token",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "in": "query",
      "name": "orderToken",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/TicketPass"
        }
       }
      },
      "description": "The new pass"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such ticket, or not yours (TICKET_NOT_FOUND)"
     },
     "409": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "NOT_PAID (the order is not paid) or CANCELLED"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "A new secret for a ticket; the old code stops opening doors",
    "tags": [
     "Tickets"
    ]
   }
  },
  "/api/user": {
   "get": {
    "operationId": "getUser",
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/User"
        }
       }
      },
      "description": "The user"
     },
     "401": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Missing, invalid or expired access token (UNAUTHORIZED)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "The signed-in user (alias of /api/auth/me)",
    "tags": [
     "Accounts"
    ]
   }
  },
  "/api/users/{userId}/tickets": {
   "get": {
    "operationId": "listUserTickets",
    "parameters": [
     {
      "in": "path",
      "name": "userId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/UserTicketList"
        }
       }
      },
      "description": "Tickets"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Another user's tickets"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "A user's tickets (the user, admins)",
    "tags": [
     "Orders"
    ]
   }
  },
  "/api/venues/{venueId}": {
   "delete": {
    "operationId": "deleteVenue",
    "parameters": [
     {
      "in": "path",
      "name": "venueId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "204": {
      "description": "Deleted"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Delete a venue (its events keep their data)",
    "tags": [
     "Catalog"
    ]
   },
   "put": {
    "operationId": "updateVenue",
    "parameters": [
     {
      "in": "path",
      "name": "venueId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/VenueUpdateRequest"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Venue"
        }
       }
      },
      "description": "The venue"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "401": {
      "$ref": "#/components/responses/NotSignedIn"
     },
     "403": {
      "$ref": "#/components/responses/Forbidden"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "security": [
     {
      "bearer": []
     }
    ],
    "summary": "Change a venue",
    "tags": [
     "Catalog"
    ]
   }
  },
  "/api/webhook/payment": {
   "post": {
    "description": "Called by the payment processor, not by clients. The `Stripe-Signature` header (HMAC-SHA256 over `t.body` with any configured webhook secret, at most 5 minutes old) is checked over the raw body before anything is read. payment_intent.* events move the payment's order as the system: succeeded → paid (confirmation queued; an expired order is revived if its places are free, else the payment is refunded), payment_failed or canceled → the card order is cancelled and its places released; refund.* events settle a refund. Nothing is taken from the event's copy: the processor is asked for the PaymentIntent or refund by its ID, and what it reports is acted on. An event naming one the processor does not know, another PaymentIntent than the payment's stored one, or another amount or currency, is refused: answered 200 with `ignored: true` and a `reason` (so the processor does not retry it), only logged. When the processor cannot be asked the answer is 503, and it delivers the event again later. Each event is acted on and recorded once by its ID; a redelivery is acknowledged with `duplicate: true`. Not counted by the general rate limit, but by one of its own: 300 calls per 60 s per client address.",
    "operationId": "receivePaymentWebhook",
    "parameters": [
     {
      "description": "t=<unix seconds>,v1=<hex signature>[,v1=…]",
      "in": "header",
      "name": "Stripe-Signature",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/PaymentWebhookEvent"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/PaymentWebhookReceipt"
        }
       }
      },
      "description": "Received"
     },
     "400": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Refused: signature missing, forged or stale, body not an event (WEBHOOK_REFUSED), or no processor configured (PAYMENTS_NOT_CONFIGURED)"
     },
     "413": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Body larger than 256 KiB"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Too many webhook calls from this address: 300 per 60 s (RATE_LIMITED, with Retry-After)"
     },
     "503": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "The processor could not be asked about the event; nothing was acted on, deliver it again (PAYMENT_PROCESSOR_UNAVAILABLE)"
     }
    },
    "summary": "A payment webhook event from the card processor",
    "tags": [
     "Payments"
    ]
   }
  },
  "/api/webhooks/stripe": {
   "post": {
    "description": "Called by the payment processor, not by clients. The `Stripe-Signature` header (HMAC-SHA256 over `t.body` with any configured webhook secret, at most 5 minutes old) is checked over the raw body before anything is read. payment_intent.* events move the payment's order as the system: succeeded → paid (confirmation queued; an expired order is revived if its places are free, else the payment is refunded), payment_failed or canceled → the card order is cancelled and its places released; refund.* events settle a refund. Nothing is taken from the event's copy: the processor is asked for the PaymentIntent or refund by its ID, and what it reports is acted on. An event naming one the processor does not know, another PaymentIntent than the payment's stored one, or another amount or currency, is refused: answered 200 with `ignored: true` and a `reason` (so the processor does not retry it), only logged. When the processor cannot be asked the answer is 503, and it delivers the event again later. Each event is acted on and recorded once by its ID; a redelivery is acknowledged with `duplicate: true`. Not counted by the general rate limit, but by one of its own: 300 calls per 60 s per client address.",
    "operationId": "receiveStripeWebhook",
    "parameters": [
     {
      "description": "t=<unix seconds>,v1=<hex signature>[,v1=…]",
      "in": "header",
      "name": "Stripe-Signature",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/PaymentWebhookEvent"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/PaymentWebhookReceipt"
        }
       }
      },
      "description": "Received"
     },
     "400": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Refused: signature missing, forged or stale, body not an event (WEBHOOK_REFUSED), or no processor configured (PAYMENTS_NOT_CONFIGURED)"
     },
     "413": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Body larger than 256 KiB"
     },
     "415": {
      "$ref": "#/components/responses/UnsupportedMediaType"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "Too many webhook calls from this address: 300 per 60 s (RATE_LIMITED, with Retry-After)"
     },
     "503": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "The processor could not be asked about the event; nothing was acted on, deliver it again (PAYMENT_PROCESSOR_UNAVAILABLE)"
     }
    },
    "summary": "A Stripe webhook event",
    "tags": [
     "Payments"
    ]
   }
  },
  "/docs": {
   "get": {
    "operationId": "getDocsPage",
    "responses": {
     "200": {
      "content": {
       "text/html": {}
      },
      "description": "Readable API reference, rendered offline"
     }
    },
    "summary": "Readable API reference, rendered offline",
    "tags": [
     "Documentation"
    ]
   }
  },
  "/docs/docs.css": {
   "get": {
    "operationId": "getDocsStyle",
    "responses": {
     "200": {
      "content": {
       "text/css": {}
      },
      "description": "Style sheet of the API reference page"
     }
    },
    "summary": "Style sheet of the API reference page",
    "tags": [
     "Documentation"
    ]
   }
  },
  "/docs/docs.js": {
   "get": {
    "operationId": "getDocsScript",
    "responses": {
     "200": {
      "content": {
       "text/javascript": {}
      },
      "description": "Script of the API reference page"
     }
    },
    "summary": "Script of the API reference page",
    "tags": [
     "Documentation"
    ]
   }
  },
  "/embed/events/{eventId}": {
   "get": {
    "description": "Framed only by the origins the event's organization allows (Content-Security-Policy: frame-ancestors; see PUT /api/organizations/{organizationId}/embedding).",
    "operationId": "embedEventAvailability",
    "parameters": [
     {
      "in": "path",
      "name": "eventId",
      "required": true,
      "schema": {
       "format": "uuid",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "The page"
     },
     "400": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "The event ID is not a UUID (VALIDATION_FAILED)"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such event, session, ticket type or venue (or not visible to you)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "A published event's availability as an HTML page for a partner's iframe",
    "tags": [
     "Embeds"
    ]
   }
  },
  "/files": {
   "get": {
    "description": "Links are made by BoxOffice (an organization's logo redirects to one) and work until `expires`. Only with a folder store (STORAGE_DIR); an S3 store's links go to the bucket.",
    "operationId": "getFile",
    "parameters": [
     {
      "in": "query",
      "name": "key",
      "required": true,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     },
     {
      "in": "query",
      "name": "expires",
      "required": true,
      "schema": {
       "maximum": 9223372036854775807,
       "minimum": -9223372036854775808,
       "type": "integer"
      }
     },
     {
      "in": "query",
      "name": "signature",
      "required": true,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The file, with its own Content-Type"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      },
      "description": "No such file, a wrong signature, or the link has expired"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "A stored file, by a signed link",
    "tags": [
     "Files"
    ]
   }
  },
  "/health": {
   "get": {
    "description": "Database connectivity and the state of optional subsystems. 503 when the database is unreachable.",
    "operationId": "getHealth",
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/HealthReport"
        }
       }
      },
      "description": "Healthy or degraded"
     },
     "503": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/HealthReport"
        }
       }
      },
      "description": "Unhealthy: the database does not answer"
     }
    },
    "summary": "Health report",
    "tags": [
     "Health"
    ]
   }
  },
  "/health/live": {
   "get": {
    "operationId": "getLiveness",
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ProbeReport"
        }
       }
      },
      "description": "The process is serving"
     }
    },
    "summary": "Liveness probe",
    "tags": [
     "Health"
    ]
   }
  },
  "/health/ready": {
   "get": {
    "description": "Ready when the database answers and all migrations are applied.",
    "operationId": "getReadiness",
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ProbeReport"
        }
       }
      },
      "description": "Ready to take traffic"
     },
     "503": {
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ProbeReport"
        }
       }
      },
      "description": "Not ready"
     }
    },
    "summary": "Readiness probe",
    "tags": [
     "Health"
    ]
   }
  },
  "/mail/not-me": {
   "get": {
    "description": "Shows a button; following the link alone changes nothing.",
    "operationId": "notMePage",
    "parameters": [
     {
      "in": "query",
      "name": "token",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "The page of the link: Never mail this address again",
    "tags": [
     "Web pages"
    ]
   },
   "post": {
    "description": "The link at the foot of every message: the address gets no more mail from this installation, and an account registered with it and never verified is removed.",
    "operationId": "notMeWithForm",
    "requestBody": {
     "content": {
      "application/x-www-form-urlencoded": {
       "schema": {
        "additionalProperties": false,
        "properties": {
         "_csrf": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         },
         "token": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         }
        },
        "required": [
         "_csrf",
         "token"
        ],
        "type": "object"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "400": {
      "description": "A link unknown, expired or used (HTML)"
     },
     "403": {
      "description": "The form's CSRF token does not match its cookie (HTML)"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Never mail this address again",
    "tags": [
     "Web pages"
    ]
   }
  },
  "/mail/not-me/undo": {
   "get": {
    "description": "Shows a button; following the link alone changes nothing.",
    "operationId": "notMeUndoPage",
    "parameters": [
     {
      "in": "query",
      "name": "token",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "The page of the link: Take back a \"not me\"",
    "tags": [
     "Web pages"
    ]
   },
   "post": {
    "description": "Mail may reach the address again.",
    "operationId": "notMeUndoWithForm",
    "requestBody": {
     "content": {
      "application/x-www-form-urlencoded": {
       "schema": {
        "additionalProperties": false,
        "properties": {
         "_csrf": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         },
         "token": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         }
        },
        "required": [
         "_csrf",
         "token"
        ],
        "type": "object"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "400": {
      "description": "A link unknown, expired or used (HTML)"
     },
     "403": {
      "description": "The form's CSRF token does not match its cookie (HTML)"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Take back a \"not me\"",
    "tags": [
     "Web pages"
    ]
   }
  },
  "/newsletter/confirm": {
   "get": {
    "description": "Shows a button; following the link alone changes nothing.",
    "operationId": "newsletterConfirmPage",
    "parameters": [
     {
      "in": "query",
      "name": "token",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "The page of the link: Confirm a newsletter subscription",
    "tags": [
     "Web pages"
    ]
   },
   "post": {
    "description": "Within a week of the mail.",
    "operationId": "confirmNewsletterWithForm",
    "requestBody": {
     "content": {
      "application/x-www-form-urlencoded": {
       "schema": {
        "additionalProperties": false,
        "properties": {
         "_csrf": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         },
         "token": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         }
        },
        "required": [
         "_csrf",
         "token"
        ],
        "type": "object"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "400": {
      "description": "A link unknown, expired or used (HTML)"
     },
     "403": {
      "description": "The form's CSRF token does not match its cookie (HTML)"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Confirm a newsletter subscription",
    "tags": [
     "Web pages"
    ]
   }
  },
  "/newsletter/unsubscribe": {
   "get": {
    "description": "Shows a button; following the link alone changes nothing.",
    "operationId": "newsletterUnsubscribePage",
    "parameters": [
     {
      "in": "query",
      "name": "token",
      "required": false,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "The page of the link: Leave a newsletter",
    "tags": [
     "Web pages"
    ]
   },
   "post": {
    "description": "The link of any of its messages; again is harmless.",
    "operationId": "unsubscribeWithForm",
    "requestBody": {
     "content": {
      "application/x-www-form-urlencoded": {
       "schema": {
        "additionalProperties": false,
        "properties": {
         "_csrf": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         },
         "token": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         }
        },
        "required": [
         "_csrf",
         "token"
        ],
        "type": "object"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "400": {
      "description": "A link unknown, expired or used (HTML)"
     },
     "403": {
      "description": "The form's CSRF token does not match its cookie (HTML)"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Leave a newsletter",
    "tags": [
     "Web pages"
    ]
   }
  },
  "/openapi.json": {
   "get": {
    "operationId": "getOpenAPIDocument",
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "The OpenAPI document"
     }
    },
    "summary": "This document (OpenAPI 3.1)",
    "tags": [
     "Documentation"
    ]
   }
  },
  "/orders/confirm-email": {
   "get": {
    "description": "The link mailed with a guest's offline order. Shows the order and a button; following the link alone confirms nothing.",
    "operationId": "guestConfirmationPage",
    "parameters": [
     {
      "in": "query",
      "name": "token",
      "required": true,
      "schema": {
       "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "404": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "The link is wrong, or the order is no longer waiting (released, cancelled, paid) (HTML)"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "The guest's email confirmation page",
    "tags": [
     "Web pages"
    ]
   },
   "post": {
    "description": "The order then keeps its places until its payment deadline (its creation plus PAYMENT_WINDOW) instead of GUEST_CONFIRM_WINDOW.",
    "operationId": "confirmGuestEmail",
    "requestBody": {
     "content": {
      "application/x-www-form-urlencoded": {
       "schema": {
        "additionalProperties": false,
        "properties": {
         "_csrf": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         },
         "token": {
          "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
          "type": "string"
         }
        },
        "required": [
         "_csrf",
         "token"
        ],
        "type": "object"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "An HTML page"
     },
     "400": {
      "$ref": "#/components/responses/InvalidRequest"
     },
     "403": {
      "description": "The form's CSRF token does not match its cookie (HTML)"
     },
     "404": {
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "The link is wrong, or the order is no longer waiting (released, cancelled, paid) (HTML)"
     },
     "422": {
      "$ref": "#/components/responses/RuleRefused"
     },
     "429": {
      "$ref": "#/components/responses/RateLimited"
     }
    },
    "summary": "Confirm a guest's email",
    "tags": [
     "Web pages"
    ]
   }
  }
 },
 "tags": [
  {
   "description": "Liveness, readiness and the health report.",
   "name": "Health"
  },
  {
   "description": "The API document and its reader.",
   "name": "Documentation"
  },
  {
   "description": "Sign-up, sign-in, tokens and passwords.",
   "name": "Accounts"
  },
  {
   "description": "Organizations, members, roles and staff assignments.",
   "name": "Organizations"
  },
  {
   "description": "Who did what, when, from where.",
   "name": "Audit"
  },
  {
   "description": "Events, sessions, ticket types, availability and venues.",
   "name": "Catalog"
  },
  {
   "description": "Holds: places set aside while a buyer pays.",
   "name": "Sales"
  },
  {
   "description": "Checkout, orders, their lifecycle and registrations.",
   "name": "Orders"
  },
  {
   "description": "Card payments through the processor, refunds, and their records.",
   "name": "Payments"
  },
  {
   "description": "Side effects owed after commits, and their delivery.",
   "name": "Outbox"
  },
  {
   "description": "Stored files behind signed links",
   "name": "Files"
  },
  {
   "description": "Partner apps, with their organization's partner key",
   "name": "Partners"
  },
  {
   "description": "HTML pages for people in a browser (session cookies, CSRF)",
   "name": "Web pages"
  },
  {
   "description": "Email settings and previews, reminders, organizers' messages to sessions, the newsletter",
   "name": "Messaging"
  }
 ],
 "x-patterns": {
  "email": "^[ \\t\\r\\n]*[^\\s@<>,\\u0000-\\u001F\\u007F-\\u009F]{1,64}@[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+(\\.[^\\s@<>,.\\u0000-\\u001F\\u007F-\\u009F]+)+[ \\t\\r\\n]*$",
  "line": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]*$",
  "lineWithoutMarkup": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\n\\r]|<(?![A-Za-z/!?]))*$",
  "nonBlankText": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
  "text": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
  "textWithoutMarkup": "^(?:[^<\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]|<(?![A-Za-z/!?]))*$"
 }
}
"""###
}
