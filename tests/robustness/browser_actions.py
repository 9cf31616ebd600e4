"""Drive a quiz page like a restless learner, and collect anything that went wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Run on every page before its scripts: any payload that runs leaves a trace here.
TRAP = """
window.__pwned = undefined;
window.__alerts = [];
for (const name of ["alert", "confirm", "prompt"]) {
  window[name] = (...args) => { window.__alerts.push([name, String(args[0])]); };
}
window.print = () => {};  // the quiz's Print buttons would open a dialog that blocks the test
"""

#: Fire every pointer, focus and keyboard event an inline handler could hang on.
FIRE_EVENTS = """
(root) => {
  const names = ["mouseover", "mouseenter", "mousemove", "focus", "focusin", "blur",
                 "keydown", "keyup", "input", "change", "animationstart", "toggle"];
  for (const element of root.querySelectorAll("*")) {
    for (const name of names) element.dispatchEvent(new Event(name, { bubbles: true }));
  }
  for (const anchor of root.querySelectorAll("a[href]")) anchor.click();
  return root.querySelectorAll("*").length;
}
"""

#: Every href, src, action or formaction in the page that would run script.
SCRIPT_URLS = """
() => {
  const found = [];
  for (const element of document.querySelectorAll("[href], [src], [action], [formaction]")) {
    for (const name of ["href", "src", "action", "formaction"]) {
      const value = element.getAttribute(name);
      if (value && /^\\s*(javascript|vbscript|data):/i.test(value.replace(/[\\x00-\\x20]/g, ""))) {
        found.push(`${element.tagName}[${name}]=${value}`);
      }
    }
  }
  return found;
}
"""


@dataclass
class PageTrouble:
    """Console errors, uncaught exceptions and dialogs seen on one page."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    failed_urls: list[str] = field(default_factory=list)

    def watch(self, page: Any) -> None:
        def on_console(message: Any) -> None:
            # The browser's own favicon request 404s on a test server; it is not the page's.
            if message.type == "error" and "favicon.ico" not in str(message.location):
                self.console_errors.append(f"{message.text} ({message.location.get('url')})")

        def on_response(response: Any) -> None:
            if response.status >= 400 and not response.url.endswith("/favicon.ico"):
                self.failed_urls.append(f"{response.status} {response.url}")

        page.on("console", on_console)
        page.on("response", on_response)
        page.on("pageerror", lambda e: self.page_errors.append(e.stack or str(e)))

        def on_dialog(dialog: Any) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)

    @property
    def any(self) -> bool:
        return bool(self.console_errors or self.page_errors or self.dialogs or self.failed_urls)


def answer_everything(page: Any, scope: str = "body") -> int:
    """Tick, type, pick and press everything a learner can in ``scope``; returns actions taken."""
    actions = 0
    root = page.locator(scope).first
    for summary in root.locator("details > summary").all():
        if summary.is_visible():
            summary.click()
            actions += 1
    for box in root.locator("input[type=radio], input[type=checkbox]").all():
        if box.is_visible() and box.is_enabled():
            box.click()
            actions += 1
    for field_ in root.locator(
        "input[type=text], input[type=number], input:not([type]), textarea"
    ).all():
        if field_.is_visible() and field_.is_editable():
            field_.fill("1994 <img src=x onerror=alert(1)>")
            actions += 1
    for select in root.locator("select").all():
        if select.is_visible() and select.is_enabled():
            options = select.locator("option").count()
            if options > 1:
                select.select_option(index=options - 1)
                actions += 1
    for button in root.locator("button, input[type=submit], input[type=button]").all():
        if button.is_visible() and button.is_enabled():
            button.click()
            actions += 1
    return actions
