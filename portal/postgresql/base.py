"""Django's PostgreSQL backend, with a health check that asks the socket before the server.

CONN_HEALTH_CHECKS sends `SELECT 1` before the first query of every request on a kept
connection: one more round trip on each sign-up, the busiest write there is. A server that
ends a session (restart, pg_terminate_backend, idle timeout) first writes its reason on the
socket and then closes it, so an idle connection whose socket has nothing to read is as alive
as that query would find it, and only a socket with something to say is put to the query.
"""

import select

from django.db.backends.postgresql.base import DatabaseWrapper as PostgreSQLDatabaseWrapper
from psycopg import Error, pq


class DatabaseWrapper(PostgreSQLDatabaseWrapper):
    def close_if_health_check_failed(self):
        if (
            self.connection is not None
            and self.health_check_enabled
            and not self.health_check_done
            and not self.pool
            and self._socket_quiet()
        ):
            self.health_check_done = True
            return
        super().close_if_health_check_failed()

    def _socket_quiet(self) -> bool:
        """Idle, and nothing (a goodbye, an end of file) waiting to be read."""
        pgconn = self.connection.pgconn
        if (
            pgconn.status != pq.ConnStatus.OK
            or pgconn.transaction_status != pq.TransactionStatus.IDLE
        ):
            return False
        try:
            readable, _writable, _failed = select.select([pgconn.socket], [], [], 0)
        except (Error, OSError, ValueError):  # no socket any more
            return False
        return not readable
