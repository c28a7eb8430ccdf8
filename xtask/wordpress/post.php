<?php
// Publishes a post as a given user, its content read from standard input,
// with the filters WordPress applies to that user (an author's script and
// iframe are stripped, an administrator's kept). Prints the post's address.
// Usage: WP_TEST_HOST=host:port php post.php USER TITLE < content.html
$host = getenv('WP_TEST_HOST');
if (!$host || !preg_match('/^[0-9.]+:[0-9]+$/', $host) || $argc !== 3) {
    fwrite(STDERR, "usage: WP_TEST_HOST=127.1.2.3:8081 php post.php USER TITLE < content.html\n");
    exit(2);
}
$_SERVER['HTTP_HOST'] = $host;
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
$user = get_user_by('login', $argv[1]);
if (!$user) {
    fwrite(STDERR, "post.php: no user '{$argv[1]}' (setup.php makes admin and author)\n");
    exit(2);
}
// Sets the user's kses filters, as when they save from the editor.
wp_set_current_user($user->ID);
$id = wp_insert_post(
    [
        'post_title' => $argv[2],
        'post_content' => stream_get_contents(STDIN),
        'post_status' => 'publish',
        'post_author' => $user->ID,
    ],
    true
);
if (is_wp_error($id)) {
    fwrite(STDERR, 'wp_insert_post: ' . $id->get_error_message() . "\n");
    exit(1);
}
echo get_permalink($id), "\n";
