/** The portal's stylesheet, inlined in every page (no build step, no CDN). */
export const PORTAL_CSS = `
:root{--bg:#f6f7f9;--card:#fff;--text:#1b1f24;--muted:#5b6470;--line:#e2e5ea;--accent:#4338ca;--accent-ink:#fff;
--ok:#0f7b3f;--ok-bg:#e6f4ea;--warn:#8a5300;--warn-bg:#fff4dc;--bad:#b42318;--bad-bg:#fdecea;--radius:10px;
--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
@media (prefers-color-scheme:dark){:root{--bg:#0f1115;--card:#171a20;--text:#e8eaed;--muted:#a0a7b2;--line:#2a2f38;
--accent:#8b8cf6;--accent-ink:#0f1115;--ok:#5bd08a;--ok-bg:#12301f;--warn:#f2c46d;--warn-bg:#33270d;--bad:#ff8a80;--bad-bg:#3a1714}}
*{box-sizing:border-box}
html{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--text);background:var(--bg)}
body{margin:0}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:var(--card);padding:.5rem 1rem;z-index:2}
header.top{background:var(--card);border-bottom:1px solid var(--line)}
.top-inner{max-width:72rem;margin:0 auto;padding:.75rem 1.25rem;display:flex;gap:1rem;align-items:center;justify-content:space-between;flex-wrap:wrap}
.brand{font-weight:700;letter-spacing:-.01em;color:var(--text);text-decoration:none}
.brand small{font-weight:500;color:var(--muted);margin-left:.5rem}
.top-actions{display:flex;gap:.75rem;align-items:center}
main{max-width:72rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 1rem;letter-spacing:-.015em}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
p.lead{color:var(--muted);margin-top:-.5rem}
.muted{color:var(--muted)}
nav.tabs{display:flex;gap:.25rem;border-bottom:1px solid var(--line);margin:0 0 1.5rem;overflow-x:auto}
nav.tabs a{padding:.6rem .9rem;text-decoration:none;color:var(--muted);border-bottom:2px solid transparent;white-space:nowrap}
nav.tabs a[aria-current=page]{color:var(--text);border-bottom-color:var(--accent);font-weight:600}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:1.25rem;margin-bottom:1.25rem}
.card>h2:first-child,.card>h3:first-child{margin-top:0}
.grid{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr))}
.stat{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:1rem}
.stat dt{color:var(--muted);font-size:.85rem}.stat dd{margin:.2rem 0 0;font-size:1.35rem;font-weight:650}
.pill{display:inline-flex;align-items:center;gap:.35rem;font-size:.8rem;font-weight:600;padding:.15rem .6rem;border-radius:999px;background:var(--line);color:var(--text)}
.pill::before{content:"";width:.5rem;height:.5rem;border-radius:50%;background:currentColor}
.pill.ok{background:var(--ok-bg);color:var(--ok)}.pill.warn{background:var(--warn-bg);color:var(--warn)}.pill.bad{background:var(--bad-bg);color:var(--bad)}
.button,button{font:inherit;display:inline-flex;align-items:center;gap:.4rem;padding:.5rem 1rem;border-radius:8px;border:1px solid var(--accent);background:var(--accent);color:var(--accent-ink);cursor:pointer;text-decoration:none;font-weight:600}
.button.secondary,button.secondary{background:transparent;color:var(--accent)}
button.danger{background:var(--bad);border-color:var(--bad);color:#fff}
button.link{background:none;border:none;color:var(--accent);padding:0;font-weight:500;text-decoration:underline}
.field{display:flex;flex-direction:column;gap:.3rem;margin-bottom:1rem}
label,.label{font-weight:600}
.hint{color:var(--muted);font-size:.9rem;font-weight:400}
input[type=text],input[type=search],input[type=email],select,textarea{font:inherit;padding:.5rem .6rem;border:1px solid var(--line);border-radius:8px;background:var(--bg);color:var(--text);min-width:0}
textarea{font-family:var(--mono);font-size:.85rem}
.secret{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
.secret code,.mono{font-family:var(--mono);font-size:.9rem;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.4rem .6rem;word-break:break-all}
.providers{display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));border:0;padding:0;margin:0 0 1.25rem}
.provider{position:relative}
.provider input{position:absolute;opacity:0}
.provider label{display:flex;flex-direction:column;gap:.2rem;padding:1rem;border:1px solid var(--line);border-radius:var(--radius);background:var(--card);cursor:pointer;height:100%}
.provider label span{font-weight:400;color:var(--muted);font-size:.9rem}
.provider input:checked+label{border-color:var(--accent);box-shadow:0 0 0 2px var(--accent)}
.provider input:focus-visible+label{outline:3px solid var(--accent);outline-offset:2px}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;padding:.55rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
td.num{font-variant-numeric:tabular-nums}
.filters{display:flex;gap:.5rem;align-items:center;margin-bottom:1rem;flex-wrap:wrap}
.filters a{padding:.3rem .8rem;border-radius:999px;border:1px solid var(--line);text-decoration:none;color:var(--text)}
.filters a[aria-current=true]{background:var(--accent);border-color:var(--accent);color:var(--accent-ink)}
.pager{display:flex;justify-content:space-between;margin-top:1rem}
.notice{border-radius:var(--radius);padding:.85rem 1rem;margin-bottom:1.25rem;border:1px solid var(--line);background:var(--card)}
.notice.ok{background:var(--ok-bg);border-color:transparent}.notice.warn{background:var(--warn-bg);border-color:transparent}.notice.bad{background:var(--bad-bg);border-color:transparent}
.guide{max-width:48rem}.guide ol,.guide ul{padding-left:1.4rem}.guide li{margin:.3rem 0}
.guide pre{background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:.75rem;overflow-x:auto}
.guide code{font-family:var(--mono);font-size:.88em}
details.confirm summary{cursor:pointer;color:var(--accent);font-weight:600}
details.confirm[open]{border:1px solid var(--line);border-radius:8px;padding:.75rem;margin-top:.5rem}
.split{display:grid;gap:1.25rem;grid-template-columns:minmax(0,2fr) minmax(0,1fr)}
@media (max-width:56rem){.split{grid-template-columns:1fr}}
.message{max-width:34rem;margin:4rem auto;text-align:center}
footer.bottom{max-width:72rem;margin:0 auto;padding:0 1.25rem 2rem;color:var(--muted);font-size:.85rem}
ul.plain{list-style:none;padding:0;margin:0}ul.plain li{padding:.35rem 0;border-bottom:1px solid var(--line);display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
fieldset.bare{border:0;padding:0;margin:0 0 1rem}.legend-title{font-size:1.2rem;font-weight:650;margin-bottom:.5rem}
.field.radio-row{flex-direction:row;gap:.6rem;align-items:flex-start}
.request-line{font-family:var(--mono);font-size:.85rem;word-break:break-all}.nowrap{white-space:nowrap}
td pre.mono{white-space:pre-wrap;max-width:32rem;max-height:16rem;overflow:auto}
form.card>button[type=submit]{margin-top:1rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
`;
