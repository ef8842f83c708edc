import "../../../_includes/assets/search-tokens.js";
import "../../../_includes/assets/search-core.js";
import "../../../_includes/assets/search.js";
