"""A real browser driven by the keyboard alone: Chrome's DevTools protocol sends the same key
events a keyboard does (`Input.dispatchKeyEvent`), so Tab moves the focus the way the browser
moves it, and Enter or Space press only what the browser lets a key press. Synthetic DOM
events (a tour's `click`, `element.dispatchEvent`) would not prove that: a <span> with a click
handler answers them but no keyboard reaches it."""

import contextlib
import json
import time
from pathlib import Path
from urllib.parse import urljoin

from odoo.tests.common import ChromeBrowser

# What a keyboard sends for each key (as Chrome's own automation sends it).
KEYS = {
    "Tab": {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9},
    "Enter": {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"},
    "Space": {"key": " ", "code": "Space", "windowsVirtualKeyCode": 32, "text": " "},
}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_PATH = Path(__file__).parent.parent / "static" / "tests" / "lib" / "axe.min.js"

# What the focused element is, in words a failure message can show.
DESCRIBE_FOCUS = """(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "";
    return `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} ${(el.textContent || el.value || "").trim().slice(0, 60)}`;
})()"""


class KeyboardBrowserMixin:
    """For an HttpCase: open a page in Chrome as a user, then only press keys."""

    @contextlib.contextmanager
    def keyboard_browser(self, url, login, ready):
        browser = ChromeBrowser(self)
        with self.allow_requests(browser=browser), contextlib.ExitStack() as stack:
            stack.callback(self._wait_remaining_requests)
            stack.enter_context(browser.cleanup)
            self.authenticate(login, login, browser=browser)
            self.cr.flush()
            self.cr.clear()
            browser.navigate_to(urljoin(self.base_url(), url))
            self.assertTrue(browser._wait_ready(ready, timeout=60), f"{url} did not show {ready}")
            # The keyboard starts from the top of the page, not from a field the page focused.
            self.evaluate(browser, "document.activeElement && document.activeElement.blur()")
            yield browser

    def evaluate(self, browser, expression):
        response = browser._websocket_request(
            "Runtime.evaluate",
            params={"expression": expression, "returnByValue": True, "awaitPromise": True},
            timeout=60,
        )
        if not response or "result" not in response:
            return None  # the page is loading another page
        result = response["result"]
        if response.get("exceptionDetails"):
            raise AssertionError(f"{expression[:80]}: {response['exceptionDetails']}")
        return result.get("value")

    def wait_for(self, browser, expression, message, timeout=20):
        end = time.time() + timeout
        while time.time() < end:
            if self.evaluate(
                browser, f"(() => {{ try {{ return !!({expression}); }} catch {{ return false; }} }})()"
            ):
                return
            time.sleep(0.2)
        self.fail(f"{message} (waited for {expression}; focus on {self.evaluate(browser, DESCRIBE_FOCUS)!r})")

    def press(self, browser, key):
        """One real key press: keyDown (with its text, as a keyboard types it) and keyUp."""
        params = KEYS[key]
        down = {**params, "type": "keyDown" if "text" in params else "rawKeyDown"}
        up = {name: value for name, value in params.items() if name != "text"}
        browser._websocket_request("Input.dispatchKeyEvent", params=down)
        browser._websocket_request("Input.dispatchKeyEvent", params={**up, "type": "keyUp"})

    def tab_to(self, browser, selector, what, reached=None, max_presses=80):
        """Press Tab until the focus is on `selector` (the focused element matches it); note the
        text of each choice button passed on the way in `reached`."""
        check = f"document.activeElement && document.activeElement.matches({json.dumps(selector)})"
        for _press in range(max_presses):
            self.press(browser, "Tab")
            if reached is not None:
                label = self.evaluate(
                    browser,
                    "document.activeElement.matches('.o_selection_badge') ? document.activeElement.textContent.trim() : ''",
                )
                if label:
                    reached.add(label)
            if self.evaluate(browser, check):
                return
        self.fail(
            f"Tab never reaches {what} ({selector}) in {max_presses} presses; focus on {self.evaluate(browser, DESCRIBE_FOCUS)!r}"
        )

    def run_axe(self, browser, context="document"):
        """axe-core in the page (the test asset the tours use): the violations, as text."""
        self.assertTrue(
            AXE_PATH.exists(), "axe-core is missing: run scripts/setup.sh (it installs it with npm)"
        )
        self.evaluate(browser, AXE_PATH.read_text())
        found = self.evaluate(
            browser,
            f"""axe.run({context}, {{ runOnly: {{ type: "tag", values: {json.dumps(AXE_TAGS)} }} }})
                .then((r) => r.violations.map((v) => `${{v.id}} (${{v.impact}}): ${{v.nodes.map((n) => `${{n.target.join(" ")}} [${{[...n.any, ...n.all].map((c) => c.message).join("; ")}}]`).join(", ")}}`))""",
        )
        return found

    def small_targets(self, browser, selector):
        """The visible controls matching `selector` smaller than 44 x 44 CSS px (WCAG 2.5.5)."""
        return self.evaluate(
            browser,
            f"""[...document.querySelectorAll({json.dumps(selector)})]
                .filter((el) => el.offsetParent !== null)
                .map((el) => [el, el.getBoundingClientRect()])
                .filter(([el, box]) => box.width < 44 || box.height < 44)
                .map(([el, box]) => `${{el.tagName}}.${{el.className}} ${{Math.round(box.width)}}x${{Math.round(box.height)}}`)""",
        )

    def scrolls_sideways(self, browser):
        return self.evaluate(browser, "document.documentElement.scrollWidth > window.innerWidth + 1")
