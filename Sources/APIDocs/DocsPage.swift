// The API reference page. Plain HTML, CSS and script kept here so the binary serves them with no
// network access and no build step; the script renders /openapi.json as it is served.
enum DocsPage {
    static let html = #"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>BoxOffice API</title>
          <link rel="stylesheet" href="/docs/docs.css">
          <script src="/docs/docs.js" defer></script>
        </head>
        <body>
          <header><h1>BoxOffice API</h1><p id="summary">Loading <a href="/openapi.json">/openapi.json</a>…</p></header>
          <nav id="toc"></nav>
          <main id="operations"></main>
        </body>
        </html>
        """#

    static let style = #"""
        body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 960px; padding: 1rem; color: #1d1d1f; }
        h1 { margin-bottom: .25rem; } h2 { border-bottom: 1px solid #ddd; margin-top: 2rem; }
        nav a { margin-right: 1rem; }
        details { border: 1px solid #ddd; border-radius: 6px; margin: .5rem 0; padding: .5rem .75rem; }
        summary { cursor: pointer; font-family: ui-monospace, monospace; }
        .method { display: inline-block; min-width: 4.5rem; font-weight: 700; text-transform: uppercase; }
        .get { color: #0a7b34; } .post { color: #0b5cad; } .put, .patch { color: #a35a00; } .delete { color: #b00020; }
        pre { background: #f6f6f8; padding: .5rem; overflow-x: auto; font-size: 13px; }
        table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; }
        """#

    static let script = #"""
        "use strict";
        (async function () {
          const response = await fetch("/openapi.json");
          const doc = await response.json();
          const schemas = (doc.components && doc.components.schemas) || {};
          const el = (tag, attrs, ...children) => {
            const node = document.createElement(tag);
            Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
            children.forEach(c => node.append(c));
            return node;
          };
          // Expands $ref once per level so a schema reads as an example-like outline.
          const outline = (schema, depth) => {
            if (!schema || depth > 6) return "…";
            if (schema.$ref) return outline(schemas[schema.$ref.split("/").pop()], depth + 1);
            if (schema.enum) return schema.enum.map(v => JSON.stringify(v)).join(" | ");
            if (schema.oneOf || schema.anyOf) return (schema.oneOf || schema.anyOf).map(s => outline(s, depth + 1)).join(" | ");
            if (schema.type === "array") return [outline(schema.items, depth + 1)];
            if (schema.type === "object" && schema.properties) {
              const required = new Set(schema.required || []);
              const out = {};
              Object.entries(schema.properties).forEach(([k, v]) => { out[required.has(k) ? k : k + "?"] = outline(v, depth + 1); });
              return out;
            }
            const type = Array.isArray(schema.type) ? schema.type.join("|") : (schema.type || "any");
            return schema.format ? type + " (" + schema.format + ")" : type;
          };
          const pretty = schema => el("pre", {}, JSON.stringify(outline(schema, 0), null, 2));
          const byTag = {};
          Object.entries(doc.paths).sort().forEach(([path, item]) => {
            Object.entries(item).forEach(([method, op]) => {
              const tag = (op.tags && op.tags[0]) || "Other";
              (byTag[tag] = byTag[tag] || []).push({ path, method, op });
            });
          });
          document.getElementById("summary").textContent = doc.info.description || "";
          const toc = document.getElementById("toc");
          const main = document.getElementById("operations");
          Object.keys(byTag).sort().forEach(tag => {
            const id = "tag-" + tag.replace(/\W+/g, "-");
            toc.append(el("a", { href: "#" + id }, tag));
            main.append(el("h2", { id }, tag));
            byTag[tag].forEach(({ path, method, op }) => {
              const box = el("details", {}, el("summary", {}, el("span", { class: "method " + method }, method), " " + path + " — " + (op.summary || "")));
              if (op.description) box.append(el("p", {}, op.description));
              if (op.parameters) {
                const table = el("table", {}, el("tr", {}, el("th", {}, "parameter"), el("th", {}, "in"), el("th", {}, "schema")));
                op.parameters.forEach(p => table.append(el("tr", {}, el("td", {}, p.name + (p.required ? "" : "?")), el("td", {}, p.in), el("td", {}, JSON.stringify(outline(p.schema, 0))))));
                box.append(table);
              }
              if (op.requestBody) {
                box.append(el("h4", {}, "Request body"));
                Object.values(op.requestBody.content).forEach(c => box.append(pretty(c.schema)));
              }
              Object.entries(op.responses || {}).forEach(([status, r]) => {
                box.append(el("h4", {}, status + " " + (r.description || "")));
                Object.values(r.content || {}).forEach(c => { if (c.schema) box.append(pretty(c.schema)); });
              });
              main.append(box);
            });
          });
        })().catch(error => { document.getElementById("summary").textContent = "Could not load the API document: " + error; });
        """#
}
