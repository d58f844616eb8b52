#pragma once

#include <QByteArray>

namespace strata::core {

// Flyway's checksum of a migration file, as it stores it in flyway_schema_history.checksum:
// java.util.zip.CRC32 (the IEEE polynomial) updated with the UTF-8 bytes of each line as
// BufferedReader.readLine() returns them (so "\n", "\r\n" and "\r" all end a line and are not
// hashed), with a byte-order mark removed from the start of the first line; the unsigned value
// cast to a signed 32-bit int. Line endings therefore do not change the checksum, and neither do
// blank lines.
qint32 flywayChecksum(const QByteArray &utf8FileContent);

// The plain CRC-32 (IEEE 802.3, reflected, init and final xor 0xFFFFFFFF) that Java's CRC32 and
// zlib compute; exposed for the unit test's check value.
quint32 crc32(const QByteArray &bytes, quint32 previous = 0);

} // namespace strata::core
