// The demo page: the same wasm package, engine and summary view as the
// extension, over a text area preloaded with the seed article.
import { analyze } from "./shared/engine.js";
import "./shared/palette.js";
import "./shared/i18n.js";
import { renderSummary } from "./sidebar/summary-view.js";

const palette = globalThis.newslensPalette;
const t = (...args) => globalThis.newslensI18n.t(...args);
const $ = (id) => document.getElementById(id);
const hidden = new Set();

function renderLegend() {
  $("legend").replaceChildren(
    ...palette.order.map((label) => {
      const swatch = document.createElement("span");
      swatch.className = "nl-swatch";
      swatch.style.backgroundColor = palette.colour(label);
      const item = document.createElement("span");
      item.append(swatch, document.createTextNode(t(`type${label}`)));
      return item;
    }),
  );
}

// The text with each entity in a <mark>: built from text nodes, never HTML.
function renderPreview(text, entities) {
  const parts = [];
  let at = 0;
  entities.forEach((entity, index) => {
    parts.push(document.createTextNode(text.slice(at, entity.start)));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(entity.start, entity.end);
    mark.dataset.label = entity.label;
    mark.dataset.index = String(index);
    const color = palette.colour(entity.label);
    mark.style.backgroundColor = color + palette.backgroundAlpha;
    mark.style.textDecoration = `underline 2px ${color}`;
    mark.title = t(`typeOne${entity.label}`);
    mark.classList.toggle("hidden", hidden.has(entity.label));
    parts.push(mark);
    at = entity.end;
  });
  parts.push(document.createTextNode(text.slice(at)));
  $("preview").replaceChildren(...parts);
}

function reveal(mention) {
  const mark = $("preview").querySelector(`mark[data-index="${mention}"]`);
  for (const old of $("preview").querySelectorAll("mark.current")) {
    old.classList.remove("current");
  }
  mark?.classList.remove("hidden");
  mark?.classList.add("current");
  mark?.scrollIntoView({ block: "center", behavior: "smooth" });
}

function setHidden(label, hide) {
  hide ? hidden.add(label) : hidden.delete(label);
  for (const mark of $("preview").querySelectorAll(`mark[data-label="${label}"]`)) {
    mark.classList.toggle("hidden", hide);
  }
}

async function main() {
  const lang = ["fr", "de", "es", "nl"].find((code) => navigator.language?.startsWith(code)) ?? "en";
  globalThis.newslensI18n.use(await (await fetch(`_locales/${lang}/messages.json`)).json());
  renderLegend();
  let latest = 0;
  const update = async () => {
    const text = /** @type {HTMLTextAreaElement} */ ($("text")).value;
    const mine = ++latest;
    const started = performance.now();
    let analysis;
    try {
      analysis = await analyze(text, /** @type {HTMLSelectElement} */ ($("lang")).value || undefined);
    } catch (error) {
      $("status").textContent = `Error: ${error.message}`;
      return;
    }
    if (mine !== latest) {
      return; // the text changed meanwhile: a newer analysis is coming
    }
    const ms = (performance.now() - started).toFixed(1);
    renderPreview(text, analysis.entities);
    renderSummary($("summary"), analysis, { hidden, reveal, setHidden });
    const language = analysis.status === "ok" ? analysis.lang : `${analysis.lang} (${analysis.status})`;
    $("status").textContent = `${analysis.entities.length} mentions · language ${language} · ${ms} ms`;
  };
  let timer = 0;
  $("text").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  });
  $("lang").addEventListener("change", update);
  /** @type {HTMLTextAreaElement} */ ($("text")).value = await (await fetch("seed-article.txt")).text();
  await update();
}

main().catch((error) => {
  $("status").textContent = `newslens could not start: ${error.message}`;
});
