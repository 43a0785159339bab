#!/usr/bin/env python3
"""The block editor part of scripts/wp-e2e.sh: the postwacht pre-publish panel in headless Chromium.

Drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: no port, no Node, no
Python packages): logs in through wp-login.php, opens a draft that holds a curse, opens the
pre-publish sidebar as the Publish… button does, waits for the panel's check and asserts on the DOM:

  - the panel shows the verdict block, the finding and the school's clause;
  - the words the finding covers are marked in the block's text (CSS Custom Highlight API);
  - the Publish button is disabled.

Then it replaces the curse, waits for the panel to turn green and asserts that publishing is unlocked.
A screenshot of the blocked panel is written to --screenshot. Prints PASS/FAIL lines; exit 1 when a
check failed, 2 when the browser could not be driven.
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    """Chromium with its DevTools protocol on file descriptors 3 (commands) and 4 (answers)."""

    def __init__(self, binary, profile):
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def wire_pipes():
            # Copies first: the pipes may themselves be 3 and 4, and dup2 onto the same number would
            # keep them close-on-exec.
            read_copy, write_copy = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(read_copy, 3)
            os.dup2(write_copy, 4)

        self.process = subprocess.Popen(
            [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
             "--remote-debugging-pipe", f"--user-data-dir={profile}", "--window-size=1400,1000", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=open(os.path.join(profile, "chromium.log"), "w"),
            preexec_fn=wire_pipes, close_fds=False)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.session = None

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def send(self, method, params=None, session=True, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while time.time() < deadline:
            while b"\0" not in self.buffer:
                chunk = os.read(self.from_browser, 1 << 16)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
        raise RuntimeError(f"{method}: no answer in {timeout} s")

    def open_page(self):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails'].get('exception', {}).get('description', result['exceptionDetails'])}")
        return result["result"].get("value")

    def wait_until(self, expression, timeout=60):
        """The first truthy value of expression, polled; None after timeout seconds."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                value = self.evaluate(expression)
            except RuntimeError:
                value = None  # the page is navigating
            if value:
                return value
            time.sleep(0.25)
        return None

    def navigate(self, url):
        self.send("Page.navigate", {"url": url})
        time.sleep(0.5)
        self.wait_until("document.readyState === 'complete'")


PANEL_STATE = """(() => {
  const panel = document.querySelector('.postwacht-prepublish');
  if (!panel) return null;
  const list = panel.querySelector('.postwacht-findings');
  const notice = panel.querySelector('.components-notice');
  const button = document.querySelector('.editor-post-publish-button');
  return {
    verdict: list ? list.dataset.verdict : (notice && notice.classList.contains('is-success') ? 'ok' : null),
    marked: list ? list.dataset.marked : '',
    text: panel.innerText,
    publishDisabled: !!button && (button.getAttribute('aria-disabled') === 'true' || button.disabled),
    highlights: window.CSS && CSS.highlights ? [...(CSS.highlights.get('postwacht-error') || [])].map(r => r.toString()) : null,
  };
})()"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--post", required=True, type=int)
    parser.add_argument("--screenshot", required=True)
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser"))
    options = parser.parse_args()
    if not options.chromium:
        print("no Chromium found: apt-get install -y chromium", file=sys.stderr)
        return 2

    results = []

    def check(name, ok, detail=""):
        results.append(ok)
        print(f"{'PASS' if ok else 'FAIL'} block editor: {name}" + ("" if ok or not detail else f"\n  {detail}"), flush=True)

    profile = tempfile.mkdtemp(prefix="wp-e2e-chromium.")
    browser = Browser(options.chromium, profile)
    try:
        browser.open_page()
        browser.navigate(f"{options.site}/wp-login.php")
        browser.evaluate(f"""(() => {{
          document.getElementById('user_login').value = {json.dumps(options.user)};
          document.getElementById('user_pass').value = {json.dumps(options.password)};
          document.getElementById('loginform').submit();
        }})()""")
        if not browser.wait_until("location.pathname.startsWith('/wp-admin')", 30):
            check("log in through wp-login.php", False, browser.evaluate("document.body.innerText.slice(0, 300)"))
            return 1

        browser.navigate(f"{options.site}/wp-admin/post.php?post={options.post}&action=edit")
        ready = browser.wait_until("!!(window.wp && wp.data && wp.data.select('core/editor').getCurrentPostId()"
                                   " && document.querySelector('.editor-post-publish-panel__toggle, .editor-post-publish-button__button'))", 90)
        check("the editor loads the draft", bool(ready))
        if not ready:
            return 1
        # What the "Publish…" button does: open the pre-publish sidebar, where the panel lives.
        browser.evaluate("(wp.data.dispatch('core/editor').openPublishSidebar || wp.data.dispatch('core/edit-post').openPublishSidebar)()")
        state = browser.wait_until(PANEL_STATE.replace("return {", "if (!list && !(notice && notice.classList.contains('is-success'))) return null; return {"), 60)
        if not state:
            check("the postwacht panel shows a result", False, json.dumps(browser.evaluate(PANEL_STATE)))
            return 1
        check("the panel says block", state["verdict"] == "block", json.dumps(state))
        check("the panel lists the finding and the school's clause",
              "k4nkerschool" in state["text"] and "Regenboog" in state["text"], state["text"][:400])
        check("the finding's words are marked in the block", state["marked"] == "k4nkerschool" and
              (state["highlights"] is None or state["highlights"] == ["k4nkerschool"]), json.dumps(state))
        check("Publish is disabled while blocked", state["publishDisabled"], json.dumps(state))
        time.sleep(0.5)  # let the panel's layout settle for the picture
        shot = browser.send("Page.captureScreenshot", {"format": "png"})
        os.makedirs(os.path.dirname(os.path.abspath(options.screenshot)), exist_ok=True)
        with open(options.screenshot, "wb") as picture:
            picture.write(base64.b64decode(shot["data"]))
        check(f"screenshot written to {options.screenshot}", os.path.getsize(options.screenshot) > 10_000)

        # Fix the text: the panel checks again, turns green and unlocks publishing.
        browser.evaluate("""(() => {
          const block = wp.data.select('core/block-editor').getBlocks().find(b => b.name === 'core/paragraph');
          wp.data.dispatch('core/block-editor').updateBlockAttributes(block.clientId, {content: 'De schoolreis was leuk. Wat een fijne school is dit.'});
        })()""")
        fixed = browser.wait_until(f"(() => {{ const s = {PANEL_STATE}; return s && s.verdict === 'ok' && !s.publishDisabled ? s : null; }})()", 30)
        check("after the fix the panel turns green and Publish is enabled", bool(fixed), json.dumps(browser.evaluate(PANEL_STATE)) +
              " blocks: " + json.dumps(browser.evaluate("wp.data.select('core/block-editor').getBlocks().map(b => [b.name, String(b.attributes.content)])")) +
              " sidebar: " + json.dumps(browser.evaluate("wp.data.select('core/edit-post').isPublishSidebarOpened()")))
    except RuntimeError as error:
        print(f"FAIL block editor: {error}", flush=True)
        return 2
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
