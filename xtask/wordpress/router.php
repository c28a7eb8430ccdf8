<?php
// The router of `php -S` for WordPress: files as they are, every other
// address through WordPress's index.php, as its .htaccess rewrite does on
// Apache (without it, /favicon.ico and pretty addresses are 404s).
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (is_string($path) && $path !== '/' && file_exists($_SERVER['DOCUMENT_ROOT'] . $path)) {
    return false;
}
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
