// The legend in the page: which colour is which type, how many mentions of
// each, and a button to remove everything. It lives in a closed shadow root
// so that the page's CSS cannot restyle it nor its scripts read it, and is
// styled through the CSSOM, which the page's CSP does not restrict.
(() => {
  const ns = (globalThis.newslensContent ??= {});
  const HOST = "newslens-legend";

  function styled(tag, style, text) {
    const element = document.createElement(tag);
    Object.assign(element.style, style);
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  // Shows the legend for `entities`; `onClose` runs when the reader closes it.
  ns.showLegend = (entities, onClose) => {
    ns.hideLegend();
    const { order, types } = globalThis.newslensPalette;
    const counts = new Map(order.map((label) => [label, 0]));
    for (const e of entities) {
      counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
    }
    const host = document.createElement(HOST);
    Object.assign(host.style, { all: "initial", position: "fixed", right: "12px", bottom: "12px", zIndex: "2147483647" });
    const shadow = host.attachShadow({ mode: "closed" });
    const box = styled("div", {
      font: "13px/1.4 system-ui, sans-serif", color: "#1b1b1b", background: "#fffffff2", border: "1px solid #8888",
      borderRadius: "8px", padding: "8px 10px", boxShadow: "0 2px 10px #0003", display: "flex", flexWrap: "wrap",
      alignItems: "center", gap: "6px 12px", maxWidth: "420px",
    });
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "newslens legend");
    box.append(styled("strong", { fontWeight: "600" }, "newslens"));
    for (const label of order) {
      if (!counts.get(label)) {
        continue;
      }
      const item = styled("span", { display: "inline-flex", alignItems: "center", gap: "4px" });
      item.dataset.label = label;
      item.append(
        styled("span", { width: "12px", height: "12px", borderRadius: "3px", background: types[label].color, display: "inline-block" }),
        document.createTextNode(`${types[label].name} ${counts.get(label)}`),
      );
      box.append(item);
    }
    const close = styled("button", { font: "inherit", border: "none", background: "none", cursor: "pointer", padding: "0 2px", color: "inherit" }, "×");
    close.title = "Remove newslens highlights";
    close.setAttribute("aria-label", close.title);
    close.addEventListener("click", onClose);
    box.append(close);
    shadow.append(box);
    document.documentElement.append(host);
    ns.legend = { host, box };
  };

  ns.hideLegend = () => {
    ns.legend?.host.remove();
    ns.legend = null;
  };
})();
