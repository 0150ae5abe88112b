// Starts Swagger UI (swagger-ui-dist, copied from node_modules by build.mjs) on the app's own
// /openapi.json: a script file, not an inline one, so /docs runs under the page's
// Content-Security-Policy like the rest of the UI. Nothing is fetched from elsewhere: no
// validator badge (it would call validator.swagger.io), no "try it out" against other hosts.
/* global SwaggerUIBundle */
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  docExpansion: "list",
  defaultModelsExpandDepth: 0,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
  onComplete: () => { document.body.dataset.ready = "true"; },
});
