<?php
/**
 * The server-side gates: every path that makes a post live goes through one of them.
 *
 * @package Postwacht
 */

defined( 'ABSPATH' ) || exit;

/**
 * Where a post can go live, and what each path does when postwacht holds it back:
 *
 * - REST API (block editor, apps): `rest_pre_insert_{type}`. A new post is saved as a draft and the
 *   request is answered 422/503 with the findings; an update of a live post is refused outright.
 * - `wp_insert_post()` / `wp_update_post()` (classic editor, Quick Edit, XML-RPC, other plugins):
 *   `wp_insert_post_data`, which cannot refuse, so the post is saved as a draft. XML-RPC clients get a
 *   fault instead of the post id; Quick Edit's row shows the reason at once.
 * - `wp_publish_post()` (WordPress's scheduled publishing, and plugins): no save filter runs, so the
 *   `transition_post_status` gate checks the post and puts it back to draft in the database.
 *
 * Each save is checked once: a gate that lets a text go live tells the transition gate so.
 */
final class Postwacht_Gates {

	/** XML-RPC methods that can make a post live, and the wp_xmlrpc_server methods behind them. */
	const XMLRPC_METHODS = array(
		'wp.newPost'          => 'wp_newPost',
		'wp.editPost'         => 'wp_editPost',
		'metaWeblog.newPost'  => 'mw_newPost',
		'metaWeblog.editPost' => 'mw_editPost',
		'blogger.newPost'     => 'blogger_newPost',
		'blogger.editPost'    => 'blogger_editPost',
	);

	/**
	 * Per REST request: the check result and, when the post was held back, the error to answer with.
	 *
	 * @var WeakMap|null
	 */
	private static ?WeakMap $rest_state = null;

	/**
	 * IDs (0 for new posts) of inserts the REST gate already checked, so wp_insert_post_data skips them.
	 *
	 * @var int[]
	 */
	private static array $rest_checked = array();

	/**
	 * Check results of wp_insert_post_data waiting for the post ID, keyed by the ID in $postarr (0 for new posts).
	 *
	 * @var array<int, array{result: array|WP_Error, note: string}>
	 */
	private static array $classic_pending = array();

	/**
	 * Posts the save gate kept as draft during this request: post ID => the (masked) reason.
	 *
	 * @var array<int, string>
	 */
	private static array $held = array();

	/**
	 * Hooks the gates up.
	 */
	public static function init(): void {
		add_action( 'init', array( __CLASS__, 'register_rest_gates' ), 99 );
		add_filter( 'rest_request_after_callbacks', array( __CLASS__, 'rest_answer_held_post' ), 10, 3 );
		add_filter( 'wp_insert_post_data', array( __CLASS__, 'gate_save' ), 10, 2 );
		add_action( 'wp_insert_post', array( __CLASS__, 'after_save' ), 10, 3 );
		add_filter( 'redirect_post_location', array( __CLASS__, 'classic_redirect' ), 10, 2 );
		// Early, so that the post is a draft again before anything else reacts to it going live.
		add_action( 'transition_post_status', array( __CLASS__, 'gate_transition' ), 0, 3 );
		add_filter( 'xmlrpc_methods', array( __CLASS__, 'guard_xmlrpc_methods' ) );
	}

	/* ---------------------------------------------------------------------------------------------
	 * REST API
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Hooks the REST gate and the `postwacht` response field for every checked post type (after post
	 * types are registered).
	 */
	public static function register_rest_gates(): void {
		foreach ( Postwacht_Prepublish::post_types() as $post_type ) {
			add_filter( "rest_pre_insert_{$post_type}", array( __CLASS__, 'gate_rest' ), 20, 2 );
			add_action( "rest_after_insert_{$post_type}", array( __CLASS__, 'after_rest_insert' ), 10, 2 );
		}
		register_rest_field(
			Postwacht_Prepublish::post_types(),
			'postwacht',
			array(
				'get_callback' => array( __CLASS__, 'rest_field' ),
				'schema'       => array(
					'description' => __( 'The last postwacht check of this post: verdict (ok, warn, block, unchecked), masked findings and a note. Only for users who may edit the post.', 'postwacht' ),
					'type'        => array( 'object', 'null' ),
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
			)
		);
	}

	/**
	 * The `postwacht` field of a post in REST answers: what the last check found, so that apps see
	 * warnings and "went live without a check" as the block editor does.
	 *
	 * @param array $post The post as prepared for the response.
	 */
	public static function rest_field( $post ): ?array {
		$id = (int) ( $post['id'] ?? 0 );
		if ( ! $id || ! current_user_can( 'edit_post', $id ) ) {
			return null;
		}
		return Postwacht_Prepublish::stored_result( $id );
	}

	/**
	 * Per-request state of the REST gate.
	 */
	private static function rest_state(): WeakMap {
		if ( null === self::$rest_state ) {
			self::$rest_state = new WeakMap();
		}
		return self::$rest_state;
	}

	/**
	 * Checks a post that a REST request is about to make (or keep) live.
	 *
	 * @param stdClass|WP_Error $prepared_post Post about to be inserted.
	 * @param WP_REST_Request   $request       The request.
	 * @return stdClass|WP_Error
	 */
	public static function gate_rest( $prepared_post, $request ) {
		if ( is_wp_error( $prepared_post ) || ! $request instanceof WP_REST_Request || str_ends_with( $request->get_route(), '/autosaves' ) ) {
			return $prepared_post;
		}

		$id       = isset( $prepared_post->ID ) ? (int) $prepared_post->ID : 0;
		$existing = $id ? get_post( $id ) : null;
		$was_live = $existing && in_array( $existing->post_status, Postwacht_Prepublish::LIVE_STATUSES, true );
		$status   = $prepared_post->post_status ?? ( $existing ? $existing->post_status : 'draft' );
		if ( ! in_array( $status, Postwacht_Prepublish::LIVE_STATUSES, true ) ) {
			return $prepared_post;
		}

		$title     = (string) ( $prepared_post->post_title ?? ( $existing ? $existing->post_title : '' ) );
		$content   = (string) ( $prepared_post->post_content ?? ( $existing ? $existing->post_content : '' ) );
		$thumbnail = isset( $request['featured_media'] ) ? (int) $request['featured_media'] : ( $id ? (int) get_post_thumbnail_id( $id ) : 0 );
		$result    = Postwacht_Prepublish::check_post( $title, $content, $thumbnail > 0 );
		$error     = Postwacht_Prepublish::hold_back( $result, false, $was_live ? 'unchanged' : 'draft' );
		$note      = $error ? self::masked_reason( $result, $was_live ? 'unchanged' : 'draft' ) : ( is_wp_error( $result ) ? Postwacht_Prepublish::unchecked_note() : '' );

		if ( $error && $was_live ) {
			Postwacht_Prepublish::store_result( $id, $result, $note );
			return $error;
		}
		if ( $error ) {
			$prepared_post->post_status = 'draft';
		} else {
			Postwacht_Prepublish::remember_checked( $title, $content );
		}
		$map             = self::rest_state();
		$map[ $request ] = array(
			'result' => $result,
			'error'  => $error,
			'note'   => $note,
		);
		self::$rest_checked[] = $id;
		return $prepared_post;
	}

	/**
	 * Stores the findings once the post has an ID.
	 *
	 * @param WP_Post         $post    Inserted post.
	 * @param WP_REST_Request $request The request.
	 */
	public static function after_rest_insert( $post, $request ): void {
		$map = self::rest_state();
		if ( ! $request instanceof WP_REST_Request || ! isset( $map[ $request ] ) ) {
			return;
		}
		$state            = $map[ $request ];
		$state['post_id'] = (int) $post->ID;
		$map[ $request ]  = $state;
		Postwacht_Prepublish::store_result( (int) $post->ID, $state['result'], $state['note'] );
	}

	/**
	 * Answers a request whose post was kept as draft with the error (422 or 503) instead of the post.
	 *
	 * @param WP_REST_Response|WP_HTTP_Response|WP_Error|mixed $response Result to send.
	 * @param array                                            $handler  Route handler.
	 * @param WP_REST_Request                                  $request  The request.
	 * @return mixed
	 */
	public static function rest_answer_held_post( $response, $handler, $request ) {
		$map = self::rest_state();
		if ( ! $request instanceof WP_REST_Request || ! isset( $map[ $request ] ) ) {
			return $response;
		}
		$state = $map[ $request ];
		unset( $map[ $request ] );
		if ( empty( $state['error'] ) || is_wp_error( $response ) ) {
			return $response;
		}
		$error = $state['error'];
		if ( ! empty( $state['post_id'] ) ) {
			$error->add_data( array_merge( (array) $error->get_error_data(), array( 'post_id' => $state['post_id'] ) ) );
		}
		return $error;
	}

	/* ---------------------------------------------------------------------------------------------
	 * wp_insert_post(): classic editor, Quick Edit, XML-RPC, other plugins
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Checks a post about to be saved as publish/future outside the REST API; keeps it a draft on
	 * block (or fail closed, or a misconfigured plugin). Such a save cannot be refused, so a live post
	 * goes back to draft too.
	 *
	 * @param array $data    Slashed post data to be saved.
	 * @param array $postarr Slashed post data as passed to wp_insert_post().
	 */
	public static function gate_save( $data, $postarr ) {
		$id   = (int) ( $postarr['ID'] ?? 0 );
		$seen = array_search( $id, self::$rest_checked, true );
		if ( false !== $seen ) {
			unset( self::$rest_checked[ $seen ] );
			return $data;
		}
		if ( ( defined( 'WP_IMPORTING' ) && WP_IMPORTING )
			|| ! in_array( $data['post_type'] ?? '', Postwacht_Prepublish::post_types(), true )
			|| ! in_array( $data['post_status'] ?? '', Postwacht_Prepublish::LIVE_STATUSES, true ) ) {
			return $data;
		}

		$title     = wp_unslash( (string) ( $data['post_title'] ?? '' ) );
		$content   = wp_unslash( (string) ( $data['post_content'] ?? '' ) );
		$thumbnail = isset( $postarr['_thumbnail_id'] ) ? (int) $postarr['_thumbnail_id'] : ( $id ? (int) get_post_thumbnail_id( $id ) : 0 );
		$result    = Postwacht_Prepublish::check_post( $title, $content, $thumbnail > 0 );
		$error     = Postwacht_Prepublish::hold_back( $result, true, 'draft' );

		if ( $error ) {
			$data['post_status'] = 'draft';
			$note                = self::masked_reason( $result, 'draft' );
			Postwacht_Prepublish::add_notice( 'error', $note );
		} else {
			Postwacht_Prepublish::remember_checked( $title, $content );
			$note = is_wp_error( $result ) ? Postwacht_Prepublish::unchecked_note() : '';
			if ( '' !== $note ) {
				Postwacht_Prepublish::add_notice( 'warning', $note );
			}
		}
		self::$classic_pending[ $id ] = array(
			'result' => $result,
			'note'   => $note,
			'held'   => (bool) $error,
		);
		return $data;
	}

	/**
	 * Stores the findings of a save once the post has its ID.
	 *
	 * @param int     $post_id Post ID.
	 * @param WP_Post $post    Post.
	 * @param bool    $update  Whether an existing post was updated.
	 */
	public static function after_save( $post_id, $post, $update ): void {
		$key = array_key_exists( $post_id, self::$classic_pending ) ? $post_id : null;
		if ( null === $key && ! $update && array_key_exists( 0, self::$classic_pending ) && in_array( $post->post_type, Postwacht_Prepublish::post_types(), true ) ) {
			$key = 0;
		}
		if ( null === $key ) {
			return;
		}
		$pending = self::$classic_pending[ $key ];
		unset( self::$classic_pending[ $key ] );
		Postwacht_Prepublish::store_result( (int) $post_id, $pending['result'], $pending['note'] );
		if ( $pending['held'] ) {
			self::$held[ (int) $post_id ] = $pending['note'];
		}
	}

	/**
	 * After a held classic save, say "Post draft updated." instead of "Post published.".
	 *
	 * @param string $location Redirect URL.
	 * @param int    $post_id  Post ID.
	 */
	public static function classic_redirect( $location, $post_id ) {
		return isset( self::$held[ (int) $post_id ] ) ? add_query_arg( 'message', 10, $location ) : $location;
	}

	/* ---------------------------------------------------------------------------------------------
	 * wp_publish_post(): scheduled posts (cron) and plugins
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Checks a post that becomes live without a save the other gates saw: `wp_publish_post()`, which
	 * WordPress's cron uses for scheduled posts, writes the status straight to the database. A held
	 * post is put back to draft there, and its author is told on their next admin page.
	 *
	 * @param string  $new_status New status.
	 * @param string  $old_status Old status.
	 * @param WP_Post $post       The post (changed in place: later listeners see the draft).
	 */
	public static function gate_transition( $new_status, $old_status, $post ): void {
		if ( 'publish' !== $new_status || 'publish' === $old_status || ! $post instanceof WP_Post
			|| ! in_array( $post->post_type, Postwacht_Prepublish::post_types(), true )
			|| ( defined( 'WP_IMPORTING' ) && WP_IMPORTING )
			|| Postwacht_Prepublish::was_checked( $post->post_title, $post->post_content ) ) {
			return;
		}
		$result = Postwacht_Prepublish::check_post( $post->post_title, $post->post_content, has_post_thumbnail( $post ) );
		$error  = Postwacht_Prepublish::hold_back( $result, true, 'draft' );
		if ( ! $error ) {
			Postwacht_Prepublish::store_result( (int) $post->ID, $result, is_wp_error( $result ) ? Postwacht_Prepublish::unchecked_note() : '' );
			return;
		}

		global $wpdb;
		$wpdb->update( $wpdb->posts, array( 'post_status' => 'draft' ), array( 'ID' => $post->ID ) );
		clean_post_cache( $post->ID );
		$post->post_status = 'draft';
		$note              = self::masked_reason( $result, 'draft' );
		Postwacht_Prepublish::store_result( (int) $post->ID, $result, $note );
		self::$held[ (int) $post->ID ] = $note;
		// The post's number, not its title: the title may hold what was found, and notices are stored.
		/* translators: 1: post ID, 2: the reason. */
		$message = sprintf( __( 'Post %1$d was not published: %2$s', 'postwacht' ), (int) $post->ID, $note );
		Postwacht_Prepublish::add_notice( 'error', $message, (int) $post->post_author );
	}

	/**
	 * The reason a post was held, safe to store: matched values masked.
	 *
	 * @param array|WP_Error $result  Result of check().
	 * @param string         $outcome 'draft' or 'unchanged'.
	 */
	private static function masked_reason( $result, string $outcome ): string {
		$error = Postwacht_Prepublish::hold_back( $result, true, $outcome );
		return $error ? $error->get_error_message() : '';
	}

	/* ---------------------------------------------------------------------------------------------
	 * XML-RPC
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Wraps the XML-RPC methods that can publish, so that a held post is answered with a fault instead
	 * of the post id (which told clients the post was live).
	 *
	 * @param array $methods XML-RPC method name => callback.
	 */
	public static function guard_xmlrpc_methods( $methods ) {
		foreach ( self::XMLRPC_METHODS as $name => $server_method ) {
			if ( isset( $methods[ $name ] ) && 'this:' . $server_method === $methods[ $name ] ) {
				$methods[ $name ] = array( __CLASS__, 'xmlrpc_' . str_replace( '.', '_', $name ) );
			}
		}
		return $methods;
	}

	/**
	 * Runs a wp_xmlrpc_server method; a post the save gate held during it turns the answer into a fault.
	 *
	 * @param string $server_method Method of wp_xmlrpc_server.
	 * @param mixed  $args          The call's arguments.
	 * @return mixed
	 */
	private static function run_xmlrpc( string $server_method, $args ) {
		global $wp_xmlrpc_server;
		$before = self::$held;
		$result = $wp_xmlrpc_server->$server_method( $args );
		$held   = array_diff_key( self::$held, $before );
		if ( ! $held || $result instanceof IXR_Error ) {
			return $result;
		}
		$post_id = (int) array_key_first( $held );
		/* translators: 1: the reason, 2: post ID. */
		return new IXR_Error( 403, sprintf( __( '%1$s (post %2$d)', 'postwacht' ), $held[ $post_id ], $post_id ) );
	}

	/**
	 * XML-RPC wp.newPost.
	 *
	 * @param mixed $args Arguments.
	 */
	public static function xmlrpc_wp_newPost( $args ) { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid
		return self::run_xmlrpc( 'wp_newPost', $args );
	}

	/**
	 * XML-RPC wp.editPost.
	 *
	 * @param mixed $args Arguments.
	 */
	public static function xmlrpc_wp_editPost( $args ) { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid
		return self::run_xmlrpc( 'wp_editPost', $args );
	}

	/**
	 * XML-RPC metaWeblog.newPost.
	 *
	 * @param mixed $args Arguments.
	 */
	public static function xmlrpc_metaWeblog_newPost( $args ) { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid
		return self::run_xmlrpc( 'mw_newPost', $args );
	}

	/**
	 * XML-RPC metaWeblog.editPost.
	 *
	 * @param mixed $args Arguments.
	 */
	public static function xmlrpc_metaWeblog_editPost( $args ) { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid
		return self::run_xmlrpc( 'mw_editPost', $args );
	}

	/**
	 * XML-RPC blogger.newPost.
	 *
	 * @param mixed $args Arguments.
	 */
	public static function xmlrpc_blogger_newPost( $args ) { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid
		return self::run_xmlrpc( 'blogger_newPost', $args );
	}

	/**
	 * XML-RPC blogger.editPost.
	 *
	 * @param mixed $args Arguments.
	 */
	public static function xmlrpc_blogger_editPost( $args ) { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid
		return self::run_xmlrpc( 'blogger_editPost', $args );
	}
}
