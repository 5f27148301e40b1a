import QtQuick
import QtTest
import Ducha
import Ducha.Core

// SyncBanner in each sync state, with every value set explicitly (never the live Sync singleton).
// TestCase itself is an invisible item: the views under test are created in this visible root.
Item {
    id: root
    width: 390
    height: 200

    TestCase {
        id: tc
        name: "SyncBanner"
        when: windowShown

        Component {
            id: bannerComponent
            SyncBanner {
                width: 390
            }
        }

        function makeBanner(props) {
            var defaults = { syncState: "idle", pending: 0, photos: 0, lastError: "", phase: "",
                             done: 0, total: 0, setAside: 0, lastComplete: 0 }
            for (var k in props) defaults[k] = props[k]
            var b = createTemporaryObject(bannerComponent, root, defaults)
            verify(b !== null, "SyncBanner was created")
            return b
        }

        function textOf(banner) {
            var label = findChild(banner, "syncBannerText")
            verify(label !== null, "the banner has its text item")
            return label.text
        }

        function test_offline_shows_waiting_count() {
            var b = makeBanner({ syncState: "offline", pending: 3, photos: 0 })
            var text = textOf(b)
            verify(text.indexOf("Offline") >= 0, text)
            verify(text.indexOf("3") >= 0, "the waiting count is shown: " + text)
            verify(!findChild(b, "syncProgress").visible, "no progress bar while offline")
            compare(findChild(b, "syncNowButton").enabled, true)

            // Nothing queued: it says so, with no count.
            var empty = makeBanner({ syncState: "offline", pending: 0, photos: 0 })
            var emptyText = textOf(empty)
            verify(emptyText.indexOf("Offline") >= 0, emptyText)
            verify(!/\d/.test(emptyText), "no count when nothing waits: " + emptyText)
        }

        function test_syncing_determinate_progress() {
            var b = makeBanner({ syncState: "syncing", phase: "upload", done: 3, total: 12 })
            var bar = findChild(b, "syncProgress")
            verify(bar !== null)
            tryCompare(bar, "visible", true)
            compare(bar.indeterminate, false)
            fuzzyCompare(bar.value, 0.25, 1e-9)
            var text = textOf(b)
            verify(text.indexOf("25%") >= 0, text)
            verify(text.indexOf("uploading photos") >= 0, text)
            compare(findChild(b, "syncNowButton").enabled, false, "no second sync while one runs")

            b.done = 9
            fuzzyCompare(bar.value, 0.75, 1e-9)
            verify(textOf(b).indexOf("75%") >= 0, textOf(b))
        }

        function test_syncing_indeterminate_without_total() {
            var b = makeBanner({ syncState: "syncing", phase: "pull", done: 0, total: 0 })
            var bar = findChild(b, "syncProgress")
            tryCompare(bar, "visible", true)
            compare(bar.indeterminate, true)
            var text = textOf(b)
            verify(text.indexOf("receiving") >= 0, text)
            verify(text.indexOf("%") < 0, "no percentage without a total: " + text)
        }

        function test_recovering_after_a_server_restore_says_so() {
            var b = makeBanner({ syncState: "syncing", phase: "recover", done: 7, total: 7 })
            var text = textOf(b)
            verify(text.indexOf("restored from a backup") >= 0, text)
        }

        function test_waiting_mentions_changes_and_photos() {
            var b = makeBanner({ syncState: "waiting", pending: 4, photos: 7 })
            var text = textOf(b)
            verify(/\b4\b/.test(text) && text.indexOf("change") >= 0, "the changes count: " + text)
            verify(/\b7\b/.test(text) && text.indexOf("photo") >= 0, "the photos count: " + text)
            verify(!findChild(b, "syncProgress").visible)
            compare(findChild(b, "syncNowButton").text, "Sync")
        }

        function test_error_shows_reason_and_retry() {
            var reason = "server unreachable: connection refused (127.0.0.1:9)"
            var b = makeBanner({ syncState: "error", lastError: reason, pending: 2 })
            var text = textOf(b)
            verify(text.indexOf(reason) >= 0, "the error's reason is shown: " + text)
            var button = findChild(b, "syncNowButton")
            verify(button !== null)
            compare(button.text, "Retry")
            compare(button.enabled, true)
            verify(!findChild(b, "syncProgress").visible)
        }

        function test_idle_has_no_progress_bar() {
            var b = makeBanner({ syncState: "idle", lastComplete: 0 })
            verify(!findChild(b, "syncProgress").visible, "no progress bar when idle")
            compare(textOf(b), "Not synced yet")
            compare(findChild(b, "syncNowButton").text, "Sync")

            var when = Date.now() - 60 * 1000
            var synced = makeBanner({ syncState: "idle", lastComplete: when })
            var text = textOf(synced)
            verify(text.indexOf("Up to date") >= 0, text)
            verify(text.indexOf(TimeFormat.display(when)) >= 0, "the time of the last complete sync: " + text)
        }

        function test_set_aside_changes_are_reported() {
            var b = makeBanner({ syncState: "idle", setAside: 2 })
            waitForRendering(b)
            // The "refused" line is the only label besides the main text that mentions History.
            var found = false
            var stack = [b]
            while (stack.length) {
                var it = stack.pop()
                if (it.text !== undefined && String(it.text).indexOf("History") >= 0 && it.visible) found = true
                for (var i = 0; it.children && i < it.children.length; ++i) stack.push(it.children[i])
            }
            verify(found, "set-aside changes are reported")
        }

        function test_colours_differ_by_state() {
            var err = makeBanner({ syncState: "error", lastError: "x" })
            var idle = makeBanner({ syncState: "idle" })
            var offline = makeBanner({ syncState: "offline" })
            verify(!Qt.colorEqual(err.color, idle.color), "error and idle look different")
            verify(!Qt.colorEqual(err.color, offline.color), "error and offline look different")
            verify(!Qt.colorEqual(idle.color, offline.color), "idle and offline look different")
            // Changing the state live recolours the banner.
            var before = String(idle.color)  // a copy, not a live reference to the property
            idle.syncState = "error"
            verify(Qt.colorEqual(idle.color, err.color))
            verify(!Qt.colorEqual(idle.color, before))
        }

        function test_touch_target_height() {
            var states = ["offline", "syncing", "waiting", "error", "idle"]
            for (var i = 0; i < states.length; ++i) {
                var b = makeBanner({ syncState: states[i], pending: 1, total: 10, done: 5, lastError: "e" })
                verify(b.implicitHeight >= 48, states[i] + ": implicitHeight " + b.implicitHeight)
                var button = findChild(b, "syncNowButton")
                verify(button.height >= 48 || button.implicitHeight >= 48,
                       states[i] + ": the sync button is a touch target (" + button.height + ")")
            }
        }

        // With DUCHA_SCREENSHOT_DIR set: a picture of the banner in every state (docs/screenshots).
        function test_zz_save_each_state() {
            if (screenshotDir === "")
                skip("DUCHA_SCREENSHOT_DIR is not set")
            var states = [
                ["24-sync-banner-waiting", { syncState: "waiting", pending: 3, photos: 2 }],
                ["25-sync-banner-error", { syncState: "error", pending: 3, lastError: "服务器暂时不可用 / the server is unavailable (503)" }],
                ["26-sync-banner-syncing", { syncState: "syncing", phase: "upload", done: 5, total: 12 }],
                ["27-sync-banner-offline", { syncState: "offline", pending: 4, photos: 1 }],
                ["28-sync-banner-refused", { syncState: "idle", lastComplete: Date.now(), setAside: 1 }]]
            for (var i = 0; i < states.length; ++i) {
                var b = makeBanner(states[i][1])
                waitForRendering(b)
                var saved = false
                verify(b.grabToImage(function(result) { saved = result.saveToFile(screenshotDir + "/" + states[i][0] + ".png") }))
                tryVerify(function() { return saved }, 5000, "saved " + states[i][0])
                b.destroy()
            }
        }
    }
}
