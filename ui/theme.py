"""The look: a Gradio theme with the UN-blue accent, page CSS and the chip-click script.

Fonts are local stacks only: a web font would make the browser reach the network.
"""

from __future__ import annotations

UN_BLUE = "#009edb"
FONTS = ["Noto Sans", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Segoe UI", "Helvetica", "Arial", "sans-serif"]
MONO = ["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"]


def make_theme():
    import gradio as gr

    blue = gr.themes.Color(
        c50="#e6f5fc", c100="#cdebf9", c200="#9bd8f3", c300="#69c4ed", c400="#37b1e7",
        c500=UN_BLUE, c600="#007fb0", c700="#005f84", c800="#004058", c900="#00202c", c950="#001016",
    )
    return gr.themes.Soft(primary_hue=blue, secondary_hue=blue, neutral_hue="slate", font=FONTS, font_mono=MONO).set(
        button_primary_background_fill=UN_BLUE,
        button_primary_background_fill_hover="#007fb0",
    )


CSS = """
.gradio-container { max-width: 1400px !important; }
#resqa-header { display:flex; align-items:baseline; gap:14px; padding:10px 16px; border-radius:10px;
  background: linear-gradient(90deg, #009edb, #0077a8); color:#fff; }
#resqa-header h1 { margin:0; font-size:1.35rem; color:#fff; }
#resqa-header span { opacity:.9; font-size:.92rem; }
#resqa-status { font-size:.9rem; color:#33566b; }
.conversation { display:flex; flex-direction:column; gap:14px; padding:6px 2px; min-height:420px; max-height:62vh; overflow-y:auto; }
.conversation.empty { justify-content:center; align-items:center; color:#6b7c88; }
.msg { display:flex; flex-direction:column; }
.msg.user { align-items:flex-end; }
.msg .bubble { padding:10px 14px; border-radius:12px; line-height:1.65; max-width:92%; white-space:normal; word-break:break-word; }
.msg.user .bubble { background:#009edb; color:#fff; border-bottom-right-radius:3px; }
.msg.bot .bubble { background:#f4f8fb; border:1px solid #dbe7ef; border-bottom-left-radius:3px; color:#1d2b36; }
.cite-chip { display:inline-block; margin:0 2px; padding:1px 8px; border-radius:999px; border:1px solid #9bd8f3;
  background:#e6f5fc; color:#005f84; font-size:.82em; font-family:inherit; cursor:pointer; line-height:1.5; vertical-align:baseline; }
.cite-chip:hover, .cite-chip:focus { background:#009edb; color:#fff; border-color:#009edb; outline:none; }
.typing { color:#009edb; animation: blink 1s steps(2) infinite; }
@keyframes blink { 50% { opacity:0; } }
.warnings { margin:6px 0 0 4px; color:#8a5a00; font-size:.85rem; }
.sources { margin-top:6px; font-size:.85rem; color:#44525c; }
.sources summary { cursor:pointer; }
.sources ul { list-style:none; padding-left:4px; margin:4px 0; }
.sources li { margin:3px 0; }
.src-lang { margin:0 6px; color:#6b7c88; text-transform:uppercase; font-size:.75rem; }
.panel { border:1px solid #dbe7ef; border-radius:12px; padding:12px 14px; background:#fff; max-height:78vh; overflow-y:auto; }
.panel.empty { color:#6b7c88; min-height:200px; display:flex; align-items:center; justify-content:center; text-align:center; }
.panel-head { border-bottom:2px solid #009edb; padding:8px 0; margin:-12px 0 8px; position:sticky; top:-12px; background:#fff; z-index:1; }
.panel-cite { font-weight:600; color:#005f84; }
.lang-badge { display:inline-block; background:#005f84; color:#fff; border-radius:4px; padding:0 6px; font-size:.72rem; text-transform:uppercase; margin-left:4px; }
.panel-title { font-size:1.02rem; margin:4px 0; color:#1d2b36; }
.para { padding:6px 8px; margin:4px 0; border-left:3px solid transparent; color:#56656f; font-size:.92rem; line-height:1.6; }
.para.cited { border-left-color:#009edb; background:#e6f5fc; color:#1d2b36; font-size:.97rem; }
.para-ref { margin-bottom:2px; }
/* Neighbours give context; the cited paragraph is the one to read in full. */
.context:not(.whole) .para:not(.cited) .para-text { display:-webkit-box; -webkit-line-clamp:3;
  -webkit-box-orient:vertical; overflow:hidden; }
.nav-link { background:none; border:none; padding:0; color:#007fb0; cursor:pointer; font-size:.78rem; text-decoration:underline; font-family:inherit; }
.footnotes h4, .versions h4 { margin:10px 0 4px; font-size:.85rem; color:#005f84; text-transform:uppercase; letter-spacing:.03em; }
.footnotes ul { padding-left:16px; margin:0; font-size:.85rem; }
.fn-ref { font-weight:600; color:#005f84; }
.version-grid { display:grid; grid-template-columns: repeat(var(--cols, 2), minmax(0, 1fr)); gap:8px; }
.version { border:1px solid #dbe7ef; border-radius:8px; padding:6px 8px; font-size:.86rem; line-height:1.55; }
.version-lang { font-weight:600; color:#005f84; font-size:.78rem; margin-bottom:3px; }
.muted { color:#6b7c88; font-size:.85rem; }
.turn-actions { margin-top:4px; }
.copy-md { background:none; border:1px solid #9bd8f3; border-radius:6px; padding:1px 8px; color:#005f84;
  cursor:pointer; font-size:.78rem; font-family:inherit; }
.copy-md:hover { background:#e6f5fc; }
.hint { color:#6b7c88; }
"""

# Installed on the conversation and panel HTML components: a click on a chip or a
# navigation link writes a request into the hidden #resqa-nav box, whose change
# event renders the panel on the server. The timestamp makes a repeated click a change.
NAV_JS = """
if (!element.dataset.navBound) {
  element.dataset.navBound = '1';
  element.addEventListener('click', (event) => {
    const el = event.target.closest('[data-cite],[data-doc]');
    if (!el || !element.contains(el)) return;
    event.preventDefault();
    const box = document.querySelector('#resqa-nav textarea, #resqa-nav input');
    if (!box) return;
    const req = el.dataset.doc ? {doc: el.dataset.doc} : {cite: el.dataset.cite};
    req.lang = el.dataset.lang || '';
    req.t = Date.now();
    box.value = JSON.stringify(req);
    box.dispatchEvent(new Event('input', {bubbles: true}));
  });
}
"""

# "Copy as Markdown" under an answer: the Markdown (answer, citations, quoted paragraphs)
# travels in the button's data-markdown; the Clipboard API needs a secure context
# (localhost is one), else a hidden textarea and execCommand do it.
COPY_JS = """
if (!element.dataset.copyBound) {
  element.dataset.copyBound = '1';
  element.addEventListener('click', async (event) => {
    const button = event.target.closest('.copy-md');
    if (!button || !element.contains(button)) return;
    event.preventDefault();
    const text = button.dataset.markdown || '';
    try {
      await navigator.clipboard.writeText(text);
    } catch (err) {
      const area = document.createElement('textarea');
      area.value = text; document.body.appendChild(area); area.select();
      document.execCommand('copy'); area.remove();
    }
    button.textContent = 'Copied';
    setTimeout(() => { button.textContent = 'Copy as Markdown'; }, 1500);
  });
}
"""

# Keeps the newest answer in view while it streams.
FOLLOW_JS = NAV_JS + COPY_JS + """
new MutationObserver(() => {
  const c = element.querySelector('.conversation');
  if (c) c.scrollTop = c.scrollHeight;
}).observe(element, {childList: true, subtree: true, characterData: true});
"""

# Brings the cited paragraph into view when the panel changes.
CITED_JS = NAV_JS + """
new MutationObserver(() => {
  const panel = element.querySelector('.panel');
  const cited = element.querySelector('.para.cited');
  if (panel && cited) panel.scrollTop = Math.max(0, cited.offsetTop - panel.offsetTop - 120);
}).observe(element, {childList: true, subtree: true});
"""
