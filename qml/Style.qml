pragma Singleton
pragma ComponentBehavior: Bound
import QtQuick

// Colours chosen for contrast in sunlight (WCAG AA on white) and one size for touch targets.
QtObject {
    readonly property int touch: 48
    readonly property color ink: "#1A1A1A"
    readonly property color muted: "#4A4A4A"
    readonly property color primary: "#0D47A1"
    readonly property color pass: "#1B5E20"
    readonly property color fail: "#B71C1C"
    readonly property color warn: "#8A4B00"
    readonly property color warnBg: "#FFF3CD"
    readonly property color errorBg: "#FDECEA"
    readonly property color okBg: "#E8F5E9"
    readonly property color infoBg: "#E3F2FD"
    readonly property color offlineBg: "#ECEFF1"
    readonly property color covert: "#4A148C"
    readonly property color card: "#FFFFFF"
    readonly property color page: "#F5F5F5"
}
