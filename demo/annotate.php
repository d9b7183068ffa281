<?php
/* What an app adds to its slow-request records: the route and who asked. */
perf_annotate('route', 'orders.show');
perf_annotate('user_id', 42);
perf_annotate('tenant', 'acme');
usleep(300 * 1000);
echo "Order page for user 42 of tenant acme.\n";
