#pragma once

#include "migrations/migrationdetector.h"

#include <memory>
#include <vector>

namespace strata::core {

// A candidate table and the frameworks that could have written it.
struct Detection
{
    CandidateTable table;
    QList<const MigrationDetector *> detectors; // one, or several when ambiguous
    bool ambiguous = false;
};

// Every detector, in one place. Stateless after construction; safe to share between threads.
class DetectorRegistry
{
public:
    static const DetectorRegistry &instance();

    const MigrationDetector *find(const QString &id) const;
    QList<const MigrationDetector *> all() const;
    QStringList tableNames() const; // for sql/migrations/candidates.sql
    QList<Detection> detect(const CatalogSnapshot &snapshot) const;

private:
    DetectorRegistry();
    std::vector<std::unique_ptr<MigrationDetector>> m_detectors;
};

} // namespace strata::core
