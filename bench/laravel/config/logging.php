<?php
return [
    'default' => 'single',
    'channels' => ['single' => ['driver' => 'single', 'path' => dirname(__DIR__) . '/storage/logs/laravel.log', 'level' => 'debug']],
];
