// Autosave for step pages. The page works without this script (the form posts the whole step);
// with it, each answer is saved when the user leaves it (a choice as soon as it changes), and the server's verdict,
// with what the answer now shows, requires and raises, appears at once.
(function () {
  "use strict";

  const form = document.querySelector("form[data-autosave]");
  if (!form) {
    return;
  }
  // The script checks fields itself and shows the server's messages beside them, so the browser's own check is off.
  form.noValidate = true;
  const endpoint = form.getAttribute("data-autosave");
  const token = form.querySelector("input[name=__RequestVerificationToken]");
  const badDate = "Enter a real date, such as 2026-03-31.";
  // What each item's server holds, as its fields read (without the version): a save that did not get through leaves
  // it as it was, so the next leave or change sends the answer again.
  const stored = new Map();
  // Each item's saves, chained: one item's saves reach the server one at a time, each with the version the one
  // before it returned, so a page never conflicts with itself.
  const queues = new Map();
  // The choice each justification or explanation was written for, to tell the reviewer when the answer moves on.
  const writtenFor = new Map();

  function itemOf(element) {
    return element.closest("[data-item]");
  }

  function idOf(item) {
    return item.getAttribute("data-item");
  }

  function belongs(item, element) {
    const id = idOf(item);
    return element.name === "v." + id || element.name === "a." + id ||
      element.name.startsWith("a." + id + ".") || element.name.startsWith("a." + id + "[");
  }

  function fieldsOf(item) {
    const body = new URLSearchParams();
    for (const element of form.elements) {
      if (!element.name || element.disabled || !belongs(item, element)) {
        continue;
      }
      if ((element.type === "checkbox" || element.type === "radio") && !element.checked) {
        continue;
      }
      body.append(element.name, element.value);
    }
    return body;
  }

  function answerOf(item) {
    const body = fieldsOf(item);
    body.delete("v." + idOf(item));
    return body.toString();
  }

  // The controls that hold the answer itself, not the parts every item shares.
  function valueControls(item) {
    const id = idOf(item);
    const shared = ["other", "justification", "explanation", "note", "asOf"].map(part => "a." + id + "." + part);
    return Array.from(form.elements).filter(e => e.name && e.name !== "v." + id && belongs(item, e) && !shared.includes(e.name));
  }

  function describe(element, id, on) {
    const ids = (element.getAttribute("aria-describedby") || "").split(" ").filter(s => s && s !== id);
    if (on) {
      ids.push(id);
    }
    if (ids.length) {
      element.setAttribute("aria-describedby", ids.join(" "));
    } else {
      element.removeAttribute("aria-describedby");
    }
  }

  function markInvalid(element, id, on) {
    describe(element, id, on);
    if (on) {
      element.setAttribute("aria-invalid", "true");
    } else {
      element.removeAttribute("aria-invalid");
    }
  }

  function state(item, text, kind) {
    const output = item.querySelector(".save-state");
    if (output) {
      output.textContent = text;
      output.className = "save-state" + (kind ? " " + kind : "");
    }
  }

  function showErrors(item, errors) {
    const id = "autosave-error-" + idOf(item);
    // This save's verdict replaces the last one's messages, the script's or the page's.
    item.querySelectorAll(".error-text:not(.unreadable)").forEach(p => p.remove());
    document.getElementById(id)?.remove();
    item.classList.toggle("has-error", errors.length > 0);
    if (errors.length > 0) {
      const box = document.createElement("div");
      box.id = id;
      for (const message of errors) {
        const p = document.createElement("p");
        p.className = "error-text";
        p.textContent = message;
        box.append(p);
      }
      item.querySelector(".save-state").before(box);
    }
    // A screen reader hears the message with the field, not only "Not saved."
    for (const element of valueControls(item)) {
      for (const ref of (element.getAttribute("aria-describedby") || "").split(" ")) {
        if (ref && !document.getElementById(ref)?.textContent.trim()) {
          describe(element, ref, false);
        }
      }
      markInvalid(element, id, errors.length > 0);
    }
  }

  // A date the browser cannot read posts as empty, which would clear the stored date: say so and send nothing.
  function checkDates(item) {
    let ok = true;
    item.querySelectorAll("input[type=date]").forEach(input => {
      const id = input.id + "-unreadable";
      const bad = input.validity.badInput;
      const shown = document.getElementById(id);
      if (bad && !shown) {
        const p = document.createElement("p");
        p.className = "error-text unreadable";
        p.id = id;
        p.textContent = badDate;
        input.after(p);
      } else if (!bad && shown) {
        shown.remove();
      }
      markInvalid(input, id, bad);
      ok = ok && !bad;
    });
    return ok;
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
      item.querySelector("input[name='v." + idOf(item) + "']").value = conflict.version;
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

  function itemById(id) {
    return form.querySelector("[data-item='" + CSS.escape(id) + "']");
  }

  function applyState(result) {
    for (const [id, visible] of Object.entries(result.visibility || {})) {
      const element = form.querySelector("[data-item='" + CSS.escape(id) + "'], [data-group='" + CSS.escape(id) + "']");
      if (element) {
        element.hidden = !visible;
      }
    }
    for (const [id, required] of Object.entries(result.required || {})) {
      const marker = form.querySelector("[data-item='" + CSS.escape(id) + "'] .required");
      if (marker) {
        marker.hidden = !required;
      }
    }
    for (const [id, ask] of Object.entries(result.asks || {})) {
      const part = itemById(id)?.querySelector("[data-ask]");
      if (part) {
        part.querySelector("label").textContent = ask || "Explanation";
        part.hidden = !ask && !part.querySelector("textarea").value;
      }
    }
    for (const [id, findings] of Object.entries(result.findings || {})) {
      const list = itemById(id)?.querySelector("[data-findings]");
      if (list) {
        list.replaceChildren(...findings.map(finding => {
          const p = document.createElement("p");
          const badge = document.createElement("span");
          badge.className = "badge " + finding.severity;
          badge.textContent = finding.label;
          p.append(badge, " " + finding.text);
          return p;
        }));
      }
    }
    for (const [stepId, label] of Object.entries(result.steps || {})) {
      const count = document.querySelector("[data-step='" + CSS.escape(stepId) + "'] .count");
      if (count) {
        count.textContent = label;
      }
    }
    const progress = document.querySelector("[data-progress]");
    const count = document.querySelector("[data-progress-count]");
    if (result.progress && progress && count) {
      progress.max = Math.max(result.progress.required, 1);
      progress.value = result.progress.answered;
      progress.textContent = result.progress.percent + " %";
      count.textContent = result.progress.answered + "/" + result.progress.required + " required";
    }
  }

  async function send(item) {
    const id = idOf(item);
    const answer = answerOf(item);
    if (stored.get(item) === answer) {
      return;
    }
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
        stored.set(item, answer);
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

  function save(item) {
    if (!checkDates(item)) {
      state(item, "");
      return Promise.resolve();
    }
    const chain = (queues.get(item) || Promise.resolve()).then(() => send(item));
    queues.set(item, chain);
    chain.then(() => {
      if (queues.get(item) === chain) {
        queues.delete(item);
      }
    });
    return chain;
  }

  function choiceOf(item) {
    const chosen = valueControls(item).filter(e => (e.type === "radio" || e.type === "checkbox") && e.checked);
    return chosen.map(e => e.closest("label")?.textContent.trim() || e.value).join(", ") || "no answer";
  }

  function explanationsOf(item) {
    const id = idOf(item);
    return Array.from(item.querySelectorAll("textarea"))
      .filter(t => t.name === "a." + id + ".justification" || t.name === "a." + id + ".explanation");
  }

  // Text written for one answer may not hold for the next: mark it until the reviewer edits it or goes back.
  function markStale(item) {
    const now = choiceOf(item);
    for (const text of explanationsOf(item)) {
      const id = text.id + "-stale";
      document.getElementById(id)?.remove();
      const stale = text.value.trim() !== "" && writtenFor.get(text) !== now;
      if (stale) {
        const p = document.createElement("p");
        p.className = "stale-note";
        p.id = id;
        p.textContent = "Written for the previous answer (" + writtenFor.get(text) + "); check it still holds.";
        text.after(p);
      }
      describe(text, id, stale);
    }
  }

  form.addEventListener("input", event => {
    const item = itemOf(event.target);
    if (item && explanationsOf(item).includes(event.target)) {
      writtenFor.set(event.target, choiceOf(item));
      markStale(item);
    }
  });

  // A choice saves as soon as it changes, so what it shows, requires and raises appears at once. "Other" waits for
  // its explanation, and choices inside a table or list entry wait for the rest of their row, like text.
  form.addEventListener("change", event => {
    const target = event.target;
    const item = itemOf(target);
    if (!item || target.name !== "a." + idOf(item) || target.value === "other" ||
        !(target.type === "radio" || target.type === "checkbox" || target.tagName === "SELECT")) {
      return;
    }
    markStale(item);
    save(item);
  });

  form.addEventListener("focusout", event => {
    const item = itemOf(event.target);
    if (!item || item.contains(event.relatedTarget)) {
      return;
    }
    save(item);
  });

  // The post refuses unreadable dates as a leave does, and waits for the saves still on their way: it must carry the
  // versions they return, or it would conflict with them.
  let resubmitting = false;
  let waiting = false;
  form.addEventListener("submit", event => {
    if (resubmitting) {
      return;
    }
    if (waiting) {
      // A second click while the first waits would post the step twice.
      event.preventDefault();
      return;
    }
    const items = Array.from(form.querySelectorAll("[data-item]")).filter(item => !item.closest("[hidden]"));
    if (!items.map(checkDates).every(ok => ok)) {
      event.preventDefault();
      items.flatMap(item => Array.from(item.querySelectorAll("input[type=date]"))).find(i => i.validity.badInput).focus();
      return;
    }
    if (queues.size === 0) {
      return;
    }
    event.preventDefault();
    const submitter = event.submitter;
    waiting = true;
    Promise.all(queues.values()).then(() => {
      waiting = false;
      resubmitting = true;
      form.requestSubmit(submitter);
      resubmitting = false;
    });
  });

  form.querySelectorAll("[data-item]").forEach(item => {
    stored.set(item, answerOf(item));
    explanationsOf(item).forEach(text => writtenFor.set(text, choiceOf(item)));
  });
})();
