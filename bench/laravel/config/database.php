<?php
return [
    'default' => 'sqlite',
    'connections' => [
        'sqlite' => ['driver' => 'sqlite', 'database' => dirname(__DIR__) . '/database/database.sqlite', 'prefix' => '',
            'foreign_key_constraints' => false],
    ],
    'migrations' => 'migrations',
];
