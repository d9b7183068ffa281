<?php
/* A deliberately slow page: above perf.slow_request_ms, so it lands in performance.log. */
usleep(400 * 1000);
echo "Slow page done after ", number_format(perf_request_time(), 2), " ms.\n";
