<?php
echo "fast\n";
