import QtQuick
import QtTest
import Ducha
import Ducha.Core

// ChecklistStepView on step S3 of a real task of the enrolled volunteer (tests/app/qml_test_main.cpp
// seeds the profile from a demo server): items, answers by tapping the real buttons, notes typed
// into the real text area, the problems shown per item, and the answered count in the header.
// TestCase itself is an invisible item: the views under test are created in this visible root.
Item {
    id: root
    width: 390
    height: 800

    TestCase {
        id: tc
        name: "ChecklistStepView"
        when: windowShown

        readonly property var s3Codes: ["L1", "L2", "L3", "L4"]  // template v1, any site

        Component {
            id: sessionComponent
            InspectionSession { app: testApp }
        }
        Component {
            id: viewComponent
            ChecklistStepView {
                width: 390
                height: 800
            }
        }

        function initTestCase() {
            compare(testSetupError, "", "the test profile was prepared")
            verify(testTaskId !== "", "an open, non-covert task of the volunteer")
            verify(testApp.enrolled, "the profile is enrolled")
        }

        function makeSession(taskId) {
            var s = createTemporaryObject(sessionComponent, tc, { taskId: taskId })
            verify(s !== null)
            sessions.push(s)
            compare(s.loadError, "", "the task loads: " + s.loadError)
            verify(s.ready)
            return s
        }

        function makeView(session, step) {
            var v = createTemporaryObject(viewComponent, root, { session: session, step: step })
            verify(v !== null)
            waitForRendering(v)
            return v
        }

        // The delegate of an item, scrolled into view and rendered.
        function delegateOf(view, code) {
            var i = s3Codes.indexOf(code)
            verify(i >= 0, code)
            var before = view.contentY
            view.positionViewAtIndex(i, ListView.Contain)
            tryVerify(function() { return view.itemAtIndex(i) !== null }, 2000, "delegate of " + code)
            var d = view.itemAtIndex(i)
            compare(d.objectName, "item_" + code)
            if (view.contentY !== before) waitForRendering(view)  // laid out where a finger would tap
            return d
        }

        function part(view, code, name) {
            var d = delegateOf(view, code)
            var p = findChild(d, name)
            verify(p !== null, name + " in item_" + code)
            return p
        }

        function tap(view, code, name) {
            var b = part(view, code, name)
            verify(b.visible && b.enabled, name + " can be tapped")
            mouseClick(b)
            return b
        }

        // Every session a test opened; cleanup() discards their drafts. (A new session on a task
        // whose draft holds answers must not be opened: see test_draft_restores_answers.)
        property var sessions: []

        function cleanup() {
            for (var i = 0; i < sessions.length; ++i)
                if (sessions[i]) sessions[i].discard()
            sessions = []
        }

        function test_items_of_step_S3() {
            var s = makeSession(testTaskId)
            var view = makeView(s, "S3")
            compare(view.count, s3Codes.length, "S3 has the four licence items")
            for (var i = 0; i < s3Codes.length; ++i) {
                var d = delegateOf(view, s3Codes[i])
                verify(findChild(d, "answer_" + s3Codes[i] + "_pass") !== null)
                verify(findChild(d, "answer_" + s3Codes[i] + "_fail") !== null)
                verify(findChild(d, "answer_" + s3Codes[i] + "_na") !== null)
                verify(!findChild(d, "problem_" + s3Codes[i]).visible, "no problem before an answer")
                verify(!findChild(d, "note_" + s3Codes[i]).visible, "no note field before an answer")
            }
            verify(view.headerItem !== null)
            compare(view.headerItem.text, "0 of 4 answered")
            // The session's step list says the same.
            var steps = s.steps
            var s3 = steps.filter(function(st) { return st.code === "S3" })
            compare(s3.length, 1)
            compare(s3[0].items, 4)
            s.discard()
        }

        function test_fail_needs_note_then_photo() {
            var s = makeSession(testTaskId)
            var view = makeView(s, "S3")
            var fail = tap(view, "L1", "answer_L1_fail")
            compare(s.answer("L1"), "fail")
            tryCompare(fail, "highlighted", true)
            var problem = part(view, "L1", "problem_L1")
            tryCompare(problem, "visible", true)
            compare(problem.text, "describe what failed")
            var note = part(view, "L1", "note_L1")
            tryCompare(note, "visible", true)
            verify(note.placeholderText.indexOf("required") >= 0, note.placeholderText)
            verify(s.problems.some(function(p) { return p.indexOf("a failed item needs a note: L1") === 0 }),
                   "the session lists the missing note")

            // Type the note into the real text area.
            mouseClick(note)
            tryCompare(note, "activeFocus", true)
            var typed = "no permit on the wall"
            for (var i = 0; i < typed.length; ++i) keyClick(typed[i])
            tryCompare(note, "text", typed)
            compare(s.itemNote("L1"), typed, "the note reaches the session")
            // The note problem is gone; L1 needs a photo on fail, so that one remains.
            tryCompare(problem, "text", "a photo is required")
            verify(problem.visible)
            verify(!s.problems.some(function(p) { return p.indexOf("a failed item needs a note: L1") === 0 }))
            verify(s.problems.some(function(p) { return p.indexOf("a failed item needs a photo: L1") === 0 }),
                   "the session lists the missing photo")
            compare(part(view, "L1", "photo_L1").visible, true, "the photo button is offered")

            s.discard()
        }

        function test_note_via_session_clears_note_problem() {
            var s = makeSession(testTaskId)
            var view = makeView(s, "S3")
            tap(view, "L2", "answer_L2_fail")
            var problem = part(view, "L2", "problem_L2")
            tryCompare(problem, "text", "describe what failed")
            s.setItemNote("L2", "expired registration")
            tryCompare(part(view, "L2", "note_L2"), "text", "expired registration")
            tryCompare(problem, "text", "a photo is required")
            s.setItemNote("L2", "   ")
            tryCompare(problem, "text", "describe what failed", 2000, "a blank note is no note")
            s.discard()
        }

        function test_switch_pass_na_and_clear() {
            var s = makeSession(testTaskId)
            var view = makeView(s, "S3")
            var pass = part(view, "L3", "answer_L3_pass")
            var fail = part(view, "L3", "answer_L3_fail")
            var na = part(view, "L3", "answer_L3_na")
            var problem = part(view, "L3", "problem_L3")

            tap(view, "L3", "answer_L3_fail")
            compare(s.answer("L3"), "fail")
            tryCompare(problem, "visible", true)

            tap(view, "L3", "answer_L3_pass")
            compare(s.answer("L3"), "pass")
            tryCompare(pass, "highlighted", true)
            tryCompare(fail, "highlighted", false, 2000, "fail is no longer shown as chosen")
            compare(na.highlighted, false)
            tryCompare(problem, "visible", false, 2000, "a pass has no problem")
            verify(!part(view, "L3", "note_L3").visible, "no note field for a pass without a note")

            tap(view, "L3", "answer_L3_na")
            compare(s.answer("L3"), "na")
            tryCompare(na, "highlighted", true)
            tryCompare(pass, "highlighted", false)
            tryCompare(problem, "visible", true, 2000, "N/A needs a reason")
            compare(problem.text, "say why it does not apply")
            tryCompare(part(view, "L3", "note_L3"), "visible", true, 2000, "N/A asks for its reason")
            compare(part(view, "L3", "note_L3").placeholderText, "Why does it not apply? (required)")
            s.setItemNote("L3", "the site is closed for renovation")
            tryCompare(problem, "visible", false, 2000, "a reason clears the problem")
            s.setItemNote("L3", "")

            // Tapping the chosen answer again clears it.
            tap(view, "L3", "answer_L3_na")
            compare(s.answer("L3"), "")
            tryCompare(na, "highlighted", false)
            compare(pass.highlighted, false)
            compare(fail.highlighted, false)
            s.discard()
        }

        function test_header_counts_answered_items() {
            var s = makeSession(testTaskId)
            var view = makeView(s, "S3")
            compare(view.headerItem.text, "0 of 4 answered")
            tap(view, "L1", "answer_L1_pass")
            tryCompare(view.headerItem, "text", "1 of 4 answered")
            tap(view, "L4", "answer_L4_na")
            tryCompare(view.headerItem, "text", "2 of 4 answered")
            s.setAnswer("L2", "pass")  // from outside the view (another screen)
            tryCompare(view.headerItem, "text", "3 of 4 answered")
            tap(view, "L3", "answer_L3_fail")
            tryCompare(view.headerItem, "text", "4 of 4 answered")
            // Changing an answer does not count twice; clearing one does uncount it.
            tap(view, "L1", "answer_L1_fail")
            tryCompare(view.headerItem, "text", "4 of 4 answered")
            tap(view, "L1", "answer_L1_fail")
            compare(s.answer("L1"), "")
            tryCompare(view.headerItem, "text", "3 of 4 answered")
            compare(s.answeredCount, 3)
            s.discard()
        }

        function test_discard_drops_the_draft() {
            var s = makeSession(testTaskId)
            s.setAnswer("L1", "pass")
            s.setItemNote("L1", "seen")
            s.discard()
            verify(!s.ready)
            var fresh = makeSession(testTaskId)
            compare(fresh.answer("L1"), "", "no answer survives a discard")
            compare(fresh.itemNote("L1"), "")
            var view = makeView(fresh, "S3")
            compare(view.headerItem.text, "0 of 4 answered")
            fresh.discard()
        }

        function test_draft_restores_answers() {
            // Every change is saved as a draft at once, so reopening the task restores it.
            var s = makeSession(testTaskId)
            var view = makeView(s, "S3")
            tap(view, "L1", "answer_L1_fail")
            s.setItemNote("L1", "no permit on the wall")
            s.setAnswer("L2", "pass")
            var again = makeSession(testTaskId)
            compare(again.answer("L1"), "fail")
            compare(again.itemNote("L1"), "no permit on the wall")
            compare(again.answer("L2"), "pass")
            var againView = makeView(again, "S3")
            compare(againView.headerItem.text, "2 of 4 answered")
            tryCompare(part(againView, "L1", "problem_L1"), "text", "a photo is required")
        }

        function test_covert_task_has_no_badge_step() {
            if (testCovertTaskId === "")
                skip("the demo data drew no covert task for this device")
            var s = makeSession(testCovertTaskId)
            verify(s.covert)
            var codes = s.steps.map(function(st) { return st.code })
            verify(codes.indexOf("S2") < 0, "a covert visit shows no badge: " + codes)
            verify(codes.indexOf("S3") >= 0, codes)
            verify(codes.indexOf("review") === codes.length - 1, codes)
            var open = makeSession(testTaskId)
            verify(!open.covert)
            verify(open.steps.map(function(st) { return st.code }).indexOf("S2") >= 0, "an open visit shows the badge")
            var view = makeView(s, "S3")
            compare(view.count, 4, "the licence items apply to covert visits too")
            s.discard()
            open.discard()
        }
    }
}
