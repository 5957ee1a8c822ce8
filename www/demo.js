// The demo page: the same wasm package, engine and entity list as the
// extension, over a text area preloaded with the seed article.
import { analyze } from "./shared/engine.js";
import "./shared/palette.js";
import { renderEntityList } from "./sidebar/entity-list.js";

const palette = globalThis.newslensPalette;
const $ = (id) => document.getElementById(id);

function renderLegend() {
  for (const label of palette.order) {
    const item = document.createElement("span");
    const swatch = document.createElement("span");
    swatch.className = "nl-swatch";
    swatch.style.backgroundColor = palette.types[label].color;
    item.append(swatch, document.createTextNode(palette.types[label].name));
    $("legend").append(item);
  }
}

// The text with each entity in a <mark>: built from text nodes, never HTML.
function renderPreview(text, entities) {
  const preview = $("preview");
  const parts = [];
  let at = 0;
  entities.forEach((entity, index) => {
    parts.push(document.createTextNode(text.slice(at, entity.start)));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(entity.start, entity.end);
    mark.dataset.label = entity.label;
    mark.dataset.index = String(index);
    const color = palette.types[entity.label].color;
    mark.style.backgroundColor = color + palette.backgroundAlpha;
    mark.style.textDecoration = `underline 2px ${color}`;
    mark.title = palette.types[entity.label].name;
    parts.push(mark);
    at = entity.end;
  });
  parts.push(document.createTextNode(text.slice(at)));
  preview.replaceChildren(...parts);
}

function showFirstMention(group) {
  const mark = $("preview").querySelector(`mark[data-index="${group.mentions[0]}"]`);
  mark?.scrollIntoView({ block: "center", behavior: "smooth" });
  mark?.classList.add("flash");
  setTimeout(() => mark?.classList.remove("flash"), 1200);
}

async function main() {
  let latest = 0;
  const update = async () => {
    const text = $("text").value;
    const mine = ++latest;
    const started = performance.now();
    let analysis;
    try {
      analysis = await analyze(text, $("lang").value || undefined);
    } catch (error) {
      $("status").textContent = `Error: ${error.message}`;
      return;
    }
    if (mine !== latest) {
      return; // the text changed meanwhile: a newer analysis is coming
    }
    const ms = (performance.now() - started).toFixed(1);
    renderPreview(text, analysis.entities);
    renderEntityList($("entities"), analysis, { onSelect: showFirstMention });
    const language = analysis.status === "ok" ? analysis.lang : `${analysis.lang} (${analysis.status})`;
    $("status").textContent = `${analysis.entities.length} mentions · language ${language} · ${ms} ms`;
  };
  let timer = 0;
  $("text").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  });
  $("lang").addEventListener("change", update);
  $("text").value = await (await fetch("seed-article.txt")).text();
  renderLegend();
  await update();
}

main().catch((error) => {
  $("status").textContent = `newslens could not start: ${error.message}`;
});
