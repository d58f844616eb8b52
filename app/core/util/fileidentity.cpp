#include "util/fileidentity.h"

#include <QFile>

#include <sys/stat.h>

namespace strata::core {

QByteArray fileIdentity(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return QByteArray::number(qulonglong(st.st_dev)) + ':'
        + QByteArray::number(qulonglong(st.st_ino)) + ':'
        + QByteArray::number(qlonglong(st.st_size)) + ':'
        + QByteArray::number(qlonglong(st.st_mtim.tv_sec)) + '.'
        + QByteArray::number(qlonglong(st.st_mtim.tv_nsec)) + ':'
        + QByteArray::number(qlonglong(st.st_ctim.tv_sec)) + '.'
        + QByteArray::number(qlonglong(st.st_ctim.tv_nsec));
}

} // namespace strata::core
