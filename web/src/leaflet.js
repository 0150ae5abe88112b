// Leaflet with leaflet.markercluster on it. The plugin extends the global `L`, so this module sets
// it before the plugin's module runs (ES modules run in import order).
import L from "leaflet";

window.L = L;
export default L;
