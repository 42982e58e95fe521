// Autosave for step pages. The page works without this script (the form posts the whole step);
// with it, each answer is saved when the user leaves its field, and the server's verdict is shown beside it.
(function () {
  "use strict";

  const form = document.querySelector("form[data-autosave]");
  if (!form) {
    return;
  }
  const endpoint = form.getAttribute("data-autosave");
  const token = form.querySelector("input[name=__RequestVerificationToken]");
  const pending = new Map();

  function itemOf(element) {
    return element.closest("[data-item]");
  }

  function fieldsOf(item) {
    const id = item.getAttribute("data-item");
    const body = new URLSearchParams();
    for (const element of form.elements) {
      if (!element.name || element.disabled) {
        continue;
      }
      const belongs = element.name === "v." + id || element.name === "a." + id ||
        element.name.startsWith("a." + id + ".") || element.name.startsWith("a." + id + "[");
      if (!belongs) {
        continue;
      }
      if ((element.type === "checkbox" || element.type === "radio") && !element.checked) {
        continue;
      }
      body.append(element.name, element.value);
    }
    return body;
  }

  function state(item, text, kind) {
    const output = item.querySelector(".save-state");
    if (output) {
      output.textContent = text;
      output.className = "save-state" + (kind ? " " + kind : "");
    }
  }

  function showErrors(item, errors) {
    item.querySelectorAll(".error-text.live").forEach(e => e.remove());
    item.classList.toggle("has-error", errors.length > 0);
    const anchor = item.querySelector(".save-state");
    for (const message of errors) {
      const p = document.createElement("p");
      p.className = "error-text live";
      p.textContent = message;
      anchor.before(p);
    }
  }

  function showConflict(item, conflict) {
    item.querySelectorAll(".conflict.live").forEach(e => e.remove());
    const box = document.createElement("div");
    box.className = "alert warn conflict live";
    box.setAttribute("role", "alert");
    const text = document.createElement("p");
    text.textContent = conflict.message;
    const other = document.createElement("p");
    other.textContent = "Their answer: " + conflict.otherValue;
    const keep = document.createElement("button");
    keep.type = "button";
    keep.textContent = "Keep mine";
    keep.addEventListener("click", () => {
      item.querySelector("input[name='v." + item.getAttribute("data-item") + "']").value = conflict.version;
      box.remove();
      save(item);
    });
    const take = document.createElement("a");
    take.className = "button";
    take.href = window.location.pathname + window.location.search;
    take.textContent = "Take theirs";
    box.append(text, other, keep, " ", take);
    item.querySelector(".save-state").before(box);
  }

  function applyState(result) {
    for (const [id, visible] of Object.entries(result.visibility || {})) {
      const element = form.querySelector("[data-item='" + id + "'], [data-group='" + id + "']");
      if (element) {
        element.hidden = !visible;
      }
    }
    for (const [id, required] of Object.entries(result.required || {})) {
      const marker = form.querySelector("[data-item='" + id + "'] .required");
      if (marker) {
        marker.hidden = !required;
      }
    }
    for (const [stepId, label] of Object.entries(result.steps || {})) {
      const count = document.querySelector("[data-step='" + stepId + "'] .count");
      if (count) {
        count.textContent = label;
      }
    }
  }

  async function save(item) {
    const id = item.getAttribute("data-item");
    state(item, "Saving…");
    try {
      const response = await fetch(endpoint + "/" + encodeURIComponent(id), {
        method: "POST",
        headers: { "X-CSRF-TOKEN": token ? token.value : "", "Accept": "application/json" },
        body: fieldsOf(item),
        credentials: "same-origin",
      });
      const result = await response.json();
      if (response.ok) {
        item.querySelector("input[name='v." + id + "']").value = result.version;
        showErrors(item, []);
        item.querySelectorAll(".conflict").forEach(e => e.remove());
        state(item, result.unchanged ? "" : "Saved", "saved");
        applyState(result);
      } else if (response.status === 409) {
        state(item, "Not saved: someone else changed this answer.", "failed");
        showConflict(item, result);
      } else {
        showErrors(item, result.errors || [result.title || "Not saved."]);
        state(item, "Not saved.", "failed");
      }
    } catch {
      state(item, "Not saved: the server could not be reached. Your input is still here.", "failed");
    }
  }

  form.addEventListener("focusout", event => {
    const item = itemOf(event.target);
    if (!item || item.contains(event.relatedTarget)) {
      return;
    }
    const body = fieldsOf(item).toString();
    if (pending.get(item) === body) {
      return;
    }
    pending.set(item, body);
    save(item);
  });

  // Record what each item looked like on load, so leaving an untouched field saves nothing.
  form.querySelectorAll("[data-item]").forEach(item => pending.set(item, fieldsOf(item).toString()));
})();
