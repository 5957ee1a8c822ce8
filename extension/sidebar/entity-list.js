// The entity list: each type under its heading, each entity with its
// mention count. Shared by the extension's sidebar and the demo page.
// Page text only ever enters the DOM as text nodes.
import "../shared/palette.js";

const palette = globalThis.newslensPalette;

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) {
    el.className = className;
  }
  if (text !== undefined) {
    el.textContent = text;
  }
  return el;
}

// Fills `container` with the summary of `analysis` ({ entities, summary }).
// `onSelect(group)` runs when the reader activates an entity.
export function renderEntityList(container, analysis, { onSelect } = {}) {
  container.replaceChildren();
  const byLabel = new Map(palette.order.map((label) => [label, []]));
  for (const group of analysis.summary) {
    byLabel.get(group.label)?.push(group);
  }
  for (const [label, groups] of byLabel) {
    if (!groups.length) {
      continue;
    }
    const section = element("section", "nl-type");
    section.dataset.label = label;
    const heading = element("h2", "nl-type-heading");
    const swatch = element("span", "nl-swatch");
    swatch.style.backgroundColor = palette.types[label].color;
    const mentions = groups.reduce((n, g) => n + g.count, 0);
    heading.append(swatch, document.createTextNode(palette.types[label].name), element("span", "nl-count", String(mentions)));
    const list = element("ul", "nl-entities");
    for (const group of groups) {
      const item = element("li", "nl-entity");
      const button = element("button", "nl-entity-button");
      button.type = "button";
      button.append(element("span", "nl-name", group.name), element("span", "nl-count", `×${group.count}`));
      button.title = `${group.name}: ${group.count} mention${group.count > 1 ? "s" : ""}`;
      if (onSelect) {
        button.addEventListener("click", () => onSelect(group));
      } else {
        button.disabled = true;
      }
      item.append(button);
      list.append(item);
    }
    section.append(heading, list);
    container.append(section);
  }
  if (!container.childElementCount) {
    container.append(element("p", "nl-empty", "No entities found."));
  }
}
