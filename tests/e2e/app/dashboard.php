<?php
echo perf_dashboard();
