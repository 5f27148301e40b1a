#pragma once
// My areas (包片): the zones assigned to me, their communities and how many institutions each has.
#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace ducha::app {

class ZoneListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { ZoneIdRole = Qt::UserRole + 1, NameRole, CommunitiesRole, InstitutionCountRole, AssignedRole };
    struct Row {
        QString id, name;
        QStringList communities;
        int institutions = 0;
        bool assigned = false;  // bound to me by an assignment (else only seen through an institution)
    };

    explicit ZoneListModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(m_rows.size()); }
    const std::vector<Row>& rows() const { return m_rows; }
    Q_INVOKABLE void reload();

signals:
    void countChanged();

private:
    std::vector<Row> m_rows;
};

}  // namespace ducha::app
