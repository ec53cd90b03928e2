// Entry module: mounts calculators and wizards, again after each instant page swap.
// Listeners live on the roots, which Material discards with the page: none leak.

import { mount } from "./calculator.js";
import { mountWizard } from "./wizard.js";

/** Mount each `[data-calculator]` root under `scope` not mounted yet. */
export function mountAll(scope = document) {
  for (const root of scope.querySelectorAll("[data-calculator]:not([data-calculator-mounted])")) {
    root.setAttribute("data-calculator-mounted", "");
    try {
      (root.dataset.calculatorKind === "wizard" ? mountWizard : mount)(root);
    } catch (error) {
      // A broken one keeps its static results and must not stop the others.
      console.error(`Decision Guide: calculator ${root.dataset.calculator} did not start`, error);
    }
  }
}

// The page in hand, then each page Material's instant navigation shows (document$ never emits
// from file://); mountAll skips what is mounted already.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => mountAll());
else mountAll();
if (typeof window.document$?.subscribe === "function") window.document$.subscribe(() => mountAll());
