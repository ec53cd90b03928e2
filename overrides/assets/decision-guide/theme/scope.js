// Material's inline head script (partials/javascripts/base.html), moved to a file so the site
// runs under `Content-Security-Policy: script-src 'self'`. The scope is the site root, found from
// this file's own address (assets/decision-guide/theme/scope.js) instead of a templated base_url.
__md_scope=new URL("../../../",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
