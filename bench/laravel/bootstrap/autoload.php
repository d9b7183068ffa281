<?php
/* Debian's Laravel 8 packages (their class-map autoloaders) and the app's own classes. */
require_once 'Illuminate/autoload.php';
spl_autoload_register(function (string $class): void {
    if (str_starts_with($class, 'App\\')) {
        require __DIR__ . '/../app/' . str_replace('\\', '/', substr($class, 4)) . '.php';
    }
});
