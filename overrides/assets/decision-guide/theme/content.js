// Material's inline content-tabs script (partials/javascripts/content.html), moved to a file for CSP.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
