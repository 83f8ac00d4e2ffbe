/* Translation tabs for the editorial admin, without jQuery UI or a CDN.
   Each translated field's rows (title_ar, title_fr, title_en) become one group with a tab per
   language; choosing a language shows it in every group at once (translators work one
   language at a time). Inputs keep the direction the server gave them (dir="rtl"/"ltr").
   A dot marks a language whose field is still empty; a tab holding an error opens first. */
(function () {
  "use strict";
  var NAMES = { ar: "العربية", fr: "Français", en: "English" };
  var STORAGE = "editorial.translationTab";

  function widgetOf(row) {
    return row.querySelector("input.mt[lang], textarea.mt[lang], select.mt[lang]");
  }

  function collectGroups(form) {
    var groups = [];
    var current = null;
    form.querySelectorAll("fieldset.module > .form-row, fieldset.module > div > .form-row").forEach(function (row) {
      var widget = widgetOf(row);
      if (!widget) {
        current = null;
        return;
      }
      var lang = widget.getAttribute("lang");
      var base = widget.name.slice(0, -(lang.length + 1));
      if (!current || current.base !== base) {
        current = { base: base, rows: [] };
        groups.push(current);
      }
      current.rows.push({ lang: lang, row: row, widget: widget });
    });
    return groups.filter(function (group) { return group.rows.length > 1; });
  }

  function isEmpty(widget) {
    return !widget.value || !widget.value.trim();
  }

  function build(group, index, select) {
    var list = document.createElement("div");
    list.className = "mt-tablist";
    list.setAttribute("role", "tablist");
    group.tabs = [];
    group.rows.forEach(function (item) {
      var id = "mt-tab-" + index + "-" + item.lang;
      var panelId = "mt-panel-" + index + "-" + item.lang;
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = id;
      tab.className = "mt-tab";
      tab.setAttribute("role", "tab");
      tab.setAttribute("lang", item.lang);
      tab.setAttribute("aria-controls", panelId);
      tab.dataset.lang = item.lang;
      tab.textContent = NAMES[item.lang] || item.lang;
      var mark = document.createElement("span");
      mark.className = "mt-empty-mark";
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = " •";
      tab.appendChild(mark);
      tab.addEventListener("click", function () { select(item.lang, true); });
      tab.addEventListener("keydown", function (event) {
        var keys = { ArrowRight: 1, ArrowLeft: -1 };
        if (!(event.key in keys)) return;
        var step = keys[event.key] * (document.dir === "rtl" ? -1 : 1);
        var at = group.rows.findIndex(function (r) { return r.lang === item.lang; });
        var next = group.rows[(at + step + group.rows.length) % group.rows.length];
        select(next.lang, true);
        group.tabs.forEach(function (t) { if (t.dataset.lang === next.lang) t.focus(); });
        event.preventDefault();
      });
      item.row.id = item.row.id || panelId;
      item.row.setAttribute("role", "tabpanel");
      item.row.setAttribute("aria-labelledby", id);
      item.row.classList.add("mt-panel");
      item.tab = tab;
      group.tabs.push(tab);
      list.appendChild(tab);
      item.widget.addEventListener("input", function () { refreshEmpty(item); });
      refreshEmpty(item);
    });
    group.rows[0].row.parentNode.insertBefore(list, group.rows[0].row);
  }

  function refreshEmpty(item) {
    item.tab.classList.toggle("mt-is-empty", isEmpty(item.widget));
  }

  function init() {
    var form = document.querySelector("#content-main form[id$='_form']");
    if (!form) return;
    var groups = collectGroups(form);
    if (!groups.length) return;

    function select(lang, remember) {
      groups.forEach(function (group) {
        var has = group.rows.some(function (r) { return r.lang === lang; });
        group.rows.forEach(function (item) {
          var on = has ? item.lang === lang : item === group.rows[0];
          item.row.hidden = !on;
          item.tab.setAttribute("aria-selected", on ? "true" : "false");
          item.tab.tabIndex = on ? 0 : -1;
        });
      });
      if (remember) {
        try { sessionStorage.setItem(STORAGE, lang); } catch (e) { /* private mode */ }
      }
    }

    groups.forEach(function (group, index) { build(group, index, select); });
    var withError = null;
    groups.some(function (group) {
      return group.rows.some(function (item) {
        if (item.row.querySelector(".errorlist")) { withError = item.lang; return true; }
        return false;
      });
    });
    var stored = null;
    try { stored = sessionStorage.getItem(STORAGE); } catch (e) { /* private mode */ }
    select(withError || stored || groups[0].rows[0].lang, false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
