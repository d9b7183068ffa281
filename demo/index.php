<?php
/* A fast page: the timing headers are there, nothing is logged. */
echo "Hello from perf. This page took ", number_format(perf_request_time(), 2), " ms so far.\n";
