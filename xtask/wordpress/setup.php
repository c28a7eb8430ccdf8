<?php
// Installs WordPress (Debian's package) for the end-to-end tests, as its
// installer would, with two users: "admin" (administrator) and "author"
// (author: no unfiltered_html, so WordPress filters what they paste).
// Run by xtask/src/wordpress.rs with php-cli: WP_TEST_HOST=host:port.
$host = getenv('WP_TEST_HOST');
if (!$host || !preg_match('/^[0-9.]+:[0-9]+$/', $host)) {
    fwrite(STDERR, "setup.php: WP_TEST_HOST must be an address such as 127.1.2.3:8081, not '$host'\n");
    exit(2);
}
$_SERVER['HTTP_HOST'] = $host;
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

if (!is_blog_installed()) {
    $result = wp_install('Charts test blog', 'admin', 'admin@example.com', true, '', 'admin-password');
    if (is_wp_error($result)) {
        fwrite(STDERR, 'wp_install: ' . $result->get_error_message() . "\n");
        exit(1);
    }
}
if (!username_exists('author')) {
    $id = wp_create_user('author', 'author-password', 'author@example.com');
    if (is_wp_error($id)) {
        fwrite(STDERR, 'wp_create_user: ' . $id->get_error_message() . "\n");
        exit(1);
    }
    (new WP_User($id))->set_role('author');
}
// The default theme of 6.1; without it WordPress serves a blank page.
$theme = wp_get_theme('twentytwentythree');
if (!$theme->exists()) {
    fwrite(STDERR, "The theme twentytwentythree is missing: apt-get install wordpress-theme-twentytwentythree\n");
    exit(1);
}
switch_theme('twentytwentythree');
echo home_url('/'), "\n";
