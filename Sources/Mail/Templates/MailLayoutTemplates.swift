/// The one layout of every message, as Mustache: HTML (tables and inline styles, which is what mail clients render
/// alike) and plain text. They place the rendered words (`MailRenderer`), never write any themselves: every string
/// comes from the catalog, so a language is added there alone.
enum MailLayoutTemplates {
    static let html = """
        <!doctype html>
        <html lang="{{language}}">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{{subject}}</title></head>
        <body style="margin:0;padding:0;background:{{layout.backgroundColor}};">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:{{layout.backgroundColor}};">
        <tr><td align="center" style="padding:24px 12px;">
        <table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-top:6px solid {{layout.primaryColor}};font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;">
        <tr><td style="padding:24px 32px 8px;">
        {{#layout.logoURL}}<img src="{{layout.logoURL}}" alt="{{layout.name}}" height="48" style="display:block;height:48px;border:0;">{{/layout.logoURL}}
        {{^layout.logoURL}}<p style="margin:0;font-size:20px;font-weight:bold;color:{{layout.primaryColor}};">{{layout.name}}</p>{{/layout.logoURL}}
        </td></tr>
        <tr><td style="padding:8px 32px 24px;">
        <p>{{greeting}}</p>
        {{#paragraphs}}<p>{{.}}</p>
        {{/paragraphs}}
        {{#body}}<p style="padding-left:12px;border-left:3px solid {{layout.primaryColor}};">{{#lines}}{{.}}<br>{{/lines}}</p>
        {{/body}}
        {{#hasItems}}<ul>
        {{#items}}<li>{{.}}</li>
        {{/items}}</ul>{{/hasItems}}
        {{#codes}}<figure style="margin:16px 0;text-align:center;"><img src="cid:{{contentID}}" alt="{{description}}" width="240" height="240" style="border:0;"><figcaption>{{label}}</figcaption></figure>
        {{/codes}}
        {{#after}}<p>{{.}}</p>
        {{/after}}
        {{#action}}<p style="margin:24px 0;"><a href="{{url}}" style="display:inline-block;padding:12px 20px;background:{{layout.primaryColor}};color:#ffffff;text-decoration:none;border-radius:4px;">{{label}}</a></p>
        <p style="font-size:13px;color:#57606a;">{{fallback}}<br><a href="{{url}}" style="color:{{layout.primaryColor}};word-break:break-all;">{{url}}</a></p>{{/action}}
        </td></tr>
        <tr><td style="padding:16px 32px;background:#f6f8fa;font-size:12px;color:#57606a;">
        {{sentBy}}{{#layout.footerAddress}}<br>{{layout.footerAddress}}{{/layout.footerAddress}}
        {{#unsubscribe}}<br><a href="{{url}}" style="color:#57606a;">{{label}}</a>{{/unsubscribe}}
        {{#notMe}}<br><a href="{{url}}" style="color:#57606a;">{{label}}</a>{{/notMe}}
        </td></tr>
        </table>
        </td></tr>
        </table>
        </body>
        </html>
        """

    static let text = """
        {{% CONTENT_TYPE: TEXT}}
        {{greeting}}

        {{#paragraphs}}
        {{.}}

        {{/paragraphs}}
        {{#body}}
        {{#lines}}
        > {{.}}
        {{/lines}}

        {{/body}}
        {{#hasItems}}
        {{#items}}
        - {{.}}
        {{/items}}

        {{/hasItems}}
        {{#after}}
        {{.}}

        {{/after}}
        {{#action}}
        {{label}}: {{url}}

        {{/action}}
        --
        {{sentBy}}
        {{#layout.footerAddress}}
        {{layout.footerAddress}}
        {{/layout.footerAddress}}
        {{#unsubscribe}}
        {{label}}: {{url}}
        {{/unsubscribe}}
        {{#notMe}}
        {{label}}: {{url}}
        {{/notMe}}
        """
}
