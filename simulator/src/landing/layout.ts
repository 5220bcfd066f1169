/**
 * The page shell for the landing page and the simulated app: inline CSS only (no external assets), sized for a
 * 390 px phone, real focus rings, and colours with enough contrast (Vipps orange #ff5b24 is decorative only;
 * text and buttons use the darker #c2410c, 5.2:1 on white).
 */
import { escapeHtml } from './format';

const CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f4f2;color:#1f1f1f;line-height:1.5}
header{background:#ff5b24;height:8px}
main{max-width:26rem;margin:0 auto;padding:1.25rem 1rem 2rem}
.brand{font-weight:700;color:#c2410c;letter-spacing:.02em;margin:0 0 1rem}
.card{background:#fff;border-radius:14px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.35rem;margin:0 0 .25rem}
.amount{font-size:2rem;font-weight:700;margin:.5rem 0}
.muted{color:#4b4b4b}
label{display:block;font-weight:600;margin:1rem 0 .35rem}
input{width:100%;font-size:1.1rem;padding:.7rem .8rem;border:2px solid #6b6b6b;border-radius:10px;background:#fff;color:#1f1f1f}
input[aria-invalid=true]{border-color:#b91c1c}
.error{color:#b91c1c;font-weight:600;margin:.4rem 0 0}
.notice{border-left:4px solid #c2410c;background:#fff4ee;padding:.75rem 1rem;border-radius:8px;margin:1rem 0}
.notice.bad{border-color:#b91c1c;background:#fdecec}
button,.button{display:block;width:100%;font-size:1.1rem;font-weight:700;padding:.85rem 1rem;margin-top:1rem;border-radius:999px;border:2px solid #c2410c;cursor:pointer;text-align:center;text-decoration:none}
.primary{background:#c2410c;color:#fff}
.secondary{background:#fff;color:#c2410c}
a{color:#c2410c}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:3px}
ul.payments{list-style:none;padding:0;margin:0}
ul.payments li{margin:.75rem 0}
ul.payments a{display:block;padding:1rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.receipt{margin-top:1.5rem;border-top:1px solid #d6d3d1;padding-top:1rem}
.receipt h2{font-size:1.1rem;margin:0 0 .5rem}
.receipt table{width:100%;border-collapse:collapse;font-size:.95rem}
.receipt th,.receipt td{text-align:left;vertical-align:top;padding:.45rem .25rem;border-bottom:1px solid #e7e5e4}
.receipt thead th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:#4b4b4b}
.receipt tbody th{font-weight:600}
.receipt .num{text-align:right;white-space:nowrap}
.line-notes{display:block;font-weight:400;font-size:.8rem;color:#4b4b4b}
.line-notes .money{white-space:nowrap}
.consent{margin-top:1.25rem;border-top:1px solid #d6d3d1;padding-top:1rem}
.consent h2{font-size:1.15rem;margin:0 0 .5rem}
dl.claims{margin:0}
dl.claims div{padding:.5rem 0;border-bottom:1px solid #e7e5e4}
dl.claims dt{font-size:.85rem;font-weight:600;color:#4b4b4b}
dl.claims dd{margin:0;overflow-wrap:anywhere}
footer{font-size:.85rem;color:#4b4b4b;margin-top:1.5rem;text-align:center}
`;

export function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Vipps simulator</title>
<style>${CSS}</style>
</head>
<body>
<header aria-hidden="true"></header>
<main>
<p class="brand">Vipps MobilePay <span class="muted">(simulator)</span></p>
${content}
<footer>This is the local Vipps MobilePay simulator. No real money moves.</footer>
</main>
</body>
</html>`;
}
