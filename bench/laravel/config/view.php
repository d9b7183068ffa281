<?php
return [
    'paths' => [dirname(__DIR__) . '/resources/views'],
    'compiled' => dirname(__DIR__) . '/storage/framework/views',
];
