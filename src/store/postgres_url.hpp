#pragma once

#include <string>

#include "base/result.hpp"

namespace cercle::store {

// Turns a PostgreSQL URI in any form libpq accepts into the keyword/value connection string that
// SOCI's postgresql backend passes to libpq unchanged (SOCI 4.0.3 mangles a URI without a query
// string: it reads "postgresql://u:p@host/cercle" as the database "cercle=").
//   postgresql://[user[:password]@][host[:port][,host[:port]…]][/dbname][?keyword=value&…]
// and postgres://… alike. Every part may be percent-encoded; a host in brackets is an IPv6
// address; a host that starts with "/" (written %2F…, or given as ?host=/folder) is the folder of
// a Unix socket. Parameters go through as keywords (sslmode, connect_timeout, application_name…),
// and "ssl=true" means sslmode=require, as in libpq; connect_timeout, when given, comes last (see
// the .cpp). Fails on a malformed URI.
Result<std::string> PostgresConnectString(const std::string& uri);

// `value` quoted for a libpq connection string: in single quotes, with \ and ' escaped.
std::string QuoteConnectValue(const std::string& value);

}  // namespace cercle::store
