#pragma once
// Records every warning a QML engine reports (binding loops, type errors, a required property
// left unset) as it is reported, so an end-to-end test can require a clean run.
#include <QList>
#include <QObject>
#include <QQmlEngine>
#include <QQmlError>
#include <QStringList>

namespace ducha::test {

class QmlWarnings {
public:
    // Connect before the engine loads anything.
    explicit QmlWarnings(QQmlEngine& engine) {
        m_link = QObject::connect(&engine, &QQmlEngine::warnings, [this](const QList<QQmlError>& list) {
            for (const auto& e : list) m_seen << e.toString();
        });
    }
    ~QmlWarnings() { QObject::disconnect(m_link); }
    QmlWarnings(const QmlWarnings&) = delete;
    QmlWarnings& operator=(const QmlWarnings&) = delete;

    const QStringList& seen() const { return m_seen; }
    std::string text() const { return m_seen.join('\n').toStdString(); }

private:
    QMetaObject::Connection m_link;
    QStringList m_seen;
};

}  // namespace ducha::test
