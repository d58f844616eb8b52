#pragma once

#include "catalog/catalogtypes.h"

#include <QString>

namespace strata::ui::detailshtml {

// The details pane's text for each kind of object: HTML tables a person can read and copy.
QString relation(const core::RelationDetails &d);
QString function(const core::FunctionDetails &f);
QString type(const core::TypeDetails &t);
QString extension(const core::ExtensionDetails &e);
QString schema(const QString &name, const QString &owner, const QString &comment);
QString message(const QString &title, const QString &text);

} // namespace strata::ui::detailshtml
