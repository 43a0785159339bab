<?php
/**
 * Plugin Name:       postwacht pre-publish check
 * Description:       Checks posts with your own postwacht service before they go live: a post with an error stays a draft, warnings are shown in the editor.
 * Version:           0.1.0
 * Requires at least: 6.0
 * Requires PHP:      8.0
 * Author:            postwacht
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       postwacht
 *
 * @package Postwacht
 */

defined( 'ABSPATH' ) || exit;

/**
 * The whole plugin: settings page, server-side publish gate, REST proxy for the editor panel.
 *
 * Privacy rules kept throughout: post text goes only to the configured postwacht service, it is never
 * logged (error_log gets HTTP status codes only), and findings stored in post meta have their matched
 * values masked.
 */
final class Postwacht_Prepublish {

	const VERSION       = '0.1.0';
	const OPTION        = 'postwacht_settings';
	const META_FINDINGS = '_postwacht_findings';
	const META_VERDICT  = '_postwacht_verdict';
	const POLICIES      = array( 'kits-primair', 'montessori-flevoland', 'regenboog', 'svok', 'konot' );
	const ROLES         = array( 'staff', 'parent', 'pupil', 'school' );
	const LIVE_STATUSES = array( 'publish', 'future' );
	const MASK          = '•';

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
	 * Classic-editor check results waiting for the post ID, keyed by the ID in $postarr (0 for new posts).
	 *
	 * @var array<int, array|WP_Error>
	 */
	private static array $classic_pending = array();

	/**
	 * IDs of posts the classic gate kept as draft during this request.
	 *
	 * @var array<int, true>
	 */
	private static array $classic_held = array();

	/**
	 * Hooks everything up.
	 */
	public static function init(): void {
		add_action( 'admin_menu', array( __CLASS__, 'add_settings_page' ) );
		add_action( 'admin_init', array( __CLASS__, 'register_settings' ) );
		add_action( 'rest_api_init', array( __CLASS__, 'register_routes' ) );
		add_action( 'init', array( __CLASS__, 'register_rest_gates' ), 99 );
		add_filter( 'rest_request_after_callbacks', array( __CLASS__, 'rest_answer_held_post' ), 10, 3 );
		add_filter( 'wp_insert_post_data', array( __CLASS__, 'gate_classic' ), 10, 2 );
		add_action( 'wp_insert_post', array( __CLASS__, 'after_classic_insert' ), 10, 3 );
		add_filter( 'redirect_post_location', array( __CLASS__, 'classic_redirect' ), 10, 2 );
		add_action( 'admin_notices', array( __CLASS__, 'show_notices' ) );
		add_action( 'enqueue_block_editor_assets', array( __CLASS__, 'enqueue_editor' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), array( __CLASS__, 'action_links' ) );
		register_activation_hook( __FILE__, array( __CLASS__, 'activate' ) );
	}

	/**
	 * On activation: register the uninstall cleanup.
	 */
	public static function activate(): void {
		register_uninstall_hook( __FILE__, array( __CLASS__, 'uninstall' ) );
	}

	/* ---------------------------------------------------------------------------------------------
	 * Settings
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Default settings.
	 */
	public static function defaults(): array {
		return array(
			'url'       => 'http://127.0.0.1:8787',
			'token'     => '',
			'policy'    => '',
			'role'      => 'staff',
			'fail_mode' => 'open',
			'timeout'   => 3,
		);
	}

	/**
	 * Current settings, with defaults filled in.
	 */
	public static function settings(): array {
		$saved = get_option( self::OPTION, array() );
		return array_merge( self::defaults(), is_array( $saved ) ? array_intersect_key( $saved, self::defaults() ) : array() );
	}

	/**
	 * Post types that are checked before they go live.
	 */
	public static function post_types(): array {
		/**
		 * Filters the post types postwacht checks before publishing.
		 *
		 * @param string[] $post_types Default array( 'post' ).
		 */
		return (array) apply_filters( 'postwacht_post_types', array( 'post' ) );
	}

	/**
	 * Settings → postwacht.
	 */
	public static function add_settings_page(): void {
		add_options_page(
			__( 'postwacht', 'postwacht' ),
			__( 'postwacht', 'postwacht' ),
			'manage_options',
			'postwacht',
			array( __CLASS__, 'render_settings_page' )
		);
	}

	/**
	 * Registers the option, its sections and fields with the Settings API.
	 */
	public static function register_settings(): void {
		register_setting(
			'postwacht',
			self::OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => array( __CLASS__, 'sanitize_settings' ),
				'default'           => self::defaults(),
				'show_in_rest'      => false,
			)
		);

		add_settings_section(
			'postwacht_service',
			__( 'Service', 'postwacht' ),
			static function () {
				echo '<p>' . esc_html__( 'Where your own postwacht service runs (postwacht serve). Post text is sent only there.', 'postwacht' ) . '</p>';
			},
			'postwacht'
		);
		add_settings_section( 'postwacht_policy', __( 'Policy', 'postwacht' ), '__return_false', 'postwacht' );

		$fields = array(
			'url'       => array( __( 'Service URL', 'postwacht' ), 'postwacht_service' ),
			'token'     => array( __( 'Bearer token', 'postwacht' ), 'postwacht_service' ),
			'timeout'   => array( __( 'Timeout (seconds)', 'postwacht' ), 'postwacht_service' ),
			'fail_mode' => array( __( 'When the service is unreachable', 'postwacht' ), 'postwacht_service' ),
			'policy'    => array( __( 'Policy pack', 'postwacht' ), 'postwacht_policy' ),
			'role'      => array( __( 'Default author role', 'postwacht' ), 'postwacht_policy' ),
		);
		foreach ( $fields as $key => list( $title, $section ) ) {
			add_settings_field(
				'postwacht_' . $key,
				$title,
				array( __CLASS__, 'render_field' ),
				'postwacht',
				$section,
				array(
					'key'       => $key,
					'label_for' => 'fail_mode' === $key ? null : 'postwacht_' . $key,
				)
			);
		}
	}

	/**
	 * Renders one settings field.
	 *
	 * @param array $args Field arguments; 'key' names the setting.
	 */
	public static function render_field( array $args ): void {
		$settings = self::settings();
		$key      = $args['key'];
		$name     = self::OPTION . '[' . $key . ']';
		$id       = 'postwacht_' . $key;

		switch ( $key ) {
			case 'url':
				printf(
					'<input type="url" class="regular-text code" id="%1$s" name="%2$s" value="%3$s" required>',
					esc_attr( $id ),
					esc_attr( $name ),
					esc_attr( $settings['url'] )
				);
				echo '<p class="description">' . esc_html__( 'Default: http://127.0.0.1:8787 (postwacht serve on the same machine).', 'postwacht' ) . '</p>';
				break;

			case 'token':
				// The saved token is never printed; the field stays empty and an empty field keeps it.
				printf(
					'<input type="password" class="regular-text code" id="%1$s" name="%2$s" value="" autocomplete="new-password" spellcheck="false">',
					esc_attr( $id ),
					esc_attr( $name )
				);
				if ( '' !== $settings['token'] ) {
					// Long tokens show their last four characters, short ones nothing.
					$hint = strlen( $settings['token'] ) >= 16 ? ' (…' . substr( $settings['token'], -4 ) . ')' : '';
					echo '<p class="description">' . esc_html(
						sprintf(
							/* translators: %s: empty, or the last characters of the saved token, e.g. " (…3f9a)". */
							__( 'A token is saved%s. Leave the field empty to keep it.', 'postwacht' ),
							$hint
						)
					) . '</p>';
					printf(
						'<label><input type="checkbox" name="%s" value="1"> %s</label>',
						esc_attr( self::OPTION . '[token_clear]' ),
						esc_html__( 'Remove the saved token', 'postwacht' )
					);
				} else {
					echo '<p class="description">' . esc_html__( 'Only needed when the service was started with --token-file.', 'postwacht' ) . '</p>';
				}
				break;

			case 'timeout':
				printf(
					'<input type="number" class="small-text" id="%1$s" name="%2$s" value="%3$d" min="1" max="30" step="1">',
					esc_attr( $id ),
					esc_attr( $name ),
					(int) $settings['timeout']
				);
				break;

			case 'fail_mode':
				$modes = array(
					'open'   => __( 'Fail open: publish anyway and show a notice', 'postwacht' ),
					'closed' => __( 'Fail closed: keep the post as a draft', 'postwacht' ),
				);
				echo '<fieldset>';
				foreach ( $modes as $value => $label ) {
					printf(
						'<label><input type="radio" name="%1$s" value="%2$s"%3$s> %4$s</label><br>',
						esc_attr( $name ),
						esc_attr( $value ),
						checked( $settings['fail_mode'], $value, false ),
						esc_html( $label )
					);
				}
				echo '</fieldset>';
				break;

			case 'policy':
				printf( '<select id="%1$s" name="%2$s">', esc_attr( $id ), esc_attr( $name ) );
				printf( '<option value=""%s>%s</option>', selected( $settings['policy'], '', false ), esc_html__( '— none: all rules —', 'postwacht' ) );
				foreach ( self::POLICIES as $policy ) {
					printf( '<option value="%1$s"%2$s>%1$s</option>', esc_attr( $policy ), selected( $settings['policy'], $policy, false ) );
				}
				echo '</select>';
				echo '<p class="description">' . esc_html__( "Your school's policy pack: only its rules, its severities and its clauses.", 'postwacht' ) . '</p>';
				break;

			case 'role':
				printf( '<select id="%1$s" name="%2$s">', esc_attr( $id ), esc_attr( $name ) );
				foreach ( self::ROLES as $role ) {
					printf( '<option value="%1$s"%2$s>%1$s</option>', esc_attr( $role ), selected( $settings['role'], $role, false ) );
				}
				echo '</select>';
				echo '<p class="description">' . esc_html__( 'Who writes the posts on this site. Some rules depend on it.', 'postwacht' ) . '</p>';
				break;
		}
	}

	/**
	 * Sanitizes the settings array. Idempotent: WordPress may run it twice when the option is first added.
	 *
	 * @param mixed $input Submitted values.
	 */
	public static function sanitize_settings( $input ): array {
		$old   = self::settings();
		$input = is_array( $input ) ? $input : array();
		$out   = $old;

		if ( isset( $input['url'] ) ) {
			$url = esc_url_raw( trim( (string) $input['url'] ), array( 'http', 'https' ) );
			if ( '' === $url ) {
				add_settings_error( self::OPTION, 'postwacht_url', __( 'The service URL must start with http:// or https://.', 'postwacht' ) );
			} else {
				$out['url'] = untrailingslashit( $url );
			}
		}

		// Bearer tokens are visible ASCII; an empty field keeps the saved token.
		$token = preg_replace( '/[^\x21-\x7E]/', '', (string) ( $input['token'] ?? '' ) );
		if ( ! empty( $input['token_clear'] ) ) {
			$out['token'] = '';
		} elseif ( '' !== $token ) {
			$out['token'] = $token;
		}

		if ( isset( $input['policy'] ) ) {
			$out['policy'] = in_array( $input['policy'], self::POLICIES, true ) ? $input['policy'] : '';
		}
		if ( isset( $input['role'] ) && in_array( $input['role'], self::ROLES, true ) ) {
			$out['role'] = $input['role'];
		}
		if ( isset( $input['fail_mode'] ) && in_array( $input['fail_mode'], array( 'open', 'closed' ), true ) ) {
			$out['fail_mode'] = $input['fail_mode'];
		}
		if ( isset( $input['timeout'] ) ) {
			$out['timeout'] = max( 1, min( 30, absint( $input['timeout'] ) ) );
		}

		return $out;
	}

	/**
	 * Settings → postwacht.
	 */
	public static function render_settings_page(): void {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		?>
		<div class="wrap">
			<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
			<?php self::render_connection_status(); ?>
			<form action="options.php" method="post">
				<?php
				settings_fields( 'postwacht' );
				do_settings_sections( 'postwacht' );
				submit_button();
				?>
			</form>
		</div>
		<?php
	}

	/**
	 * Shows whether the service answers with the saved URL, token and policy pack (GET /v1/rules).
	 */
	private static function render_connection_status(): void {
		$settings = self::settings();
		$url      = $settings['url'] . '/v1/rules';
		if ( '' !== $settings['policy'] ) {
			$url = add_query_arg( 'policy', rawurlencode( $settings['policy'] ), $url );
		}
		$response = wp_remote_get(
			$url,
			array(
				'timeout'     => min( 3, (int) $settings['timeout'] ),
				'redirection' => 0,
				'headers'     => self::request_headers(),
			)
		);
		$code = is_wp_error( $response ) ? 0 : (int) wp_remote_retrieve_response_code( $response );

		if ( 200 === $code ) {
			$body  = json_decode( wp_remote_retrieve_body( $response ), true );
			$rules = is_array( $body['rules'] ?? null ) ? count( $body['rules'] ) : 0;
			$class = 'notice-success';
			/* translators: 1: service URL, 2: number of rules. */
			$text = sprintf( _n( 'Connected to %1$s: %2$d rule active.', 'Connected to %1$s: %2$d rules active.', $rules, 'postwacht' ), $settings['url'], $rules );
		} elseif ( 401 === $code ) {
			$class = 'notice-error';
			$text  = __( 'The service needs a bearer token (HTTP 401): enter the token from the file given to postwacht serve --token-file.', 'postwacht' );
		} elseif ( 400 === $code ) {
			$class = 'notice-error';
			/* translators: %s: policy pack id. */
			$text = sprintf( __( 'The service does not know the policy pack "%s" (HTTP 400).', 'postwacht' ), $settings['policy'] );
		} elseif ( 0 === $code ) {
			$class = 'notice-error';
			/* translators: %s: service URL. */
			$text = sprintf( __( 'Cannot reach the postwacht service at %s. Is postwacht serve running?', 'postwacht' ), $settings['url'] );
		} else {
			$class = 'notice-error';
			/* translators: %d: HTTP status code. */
			$text = sprintf( __( 'The postwacht service answered HTTP %d.', 'postwacht' ), $code );
		}
		printf( '<div class="notice inline %1$s"><p>%2$s</p></div>', esc_attr( $class ), esc_html( $text ) );
	}

	/**
	 * Adds a Settings link on the Plugins screen.
	 *
	 * @param string[] $links Action links.
	 */
	public static function action_links( array $links ): array {
		array_unshift(
			$links,
			sprintf( '<a href="%s">%s</a>', esc_url( admin_url( 'options-general.php?page=postwacht' ) ), esc_html__( 'Settings', 'postwacht' ) )
		);
		return $links;
	}

	/**
	 * Removes the option and the stored findings.
	 */
	public static function uninstall(): void {
		delete_option( self::OPTION );
		delete_post_meta_by_key( self::META_FINDINGS );
		delete_post_meta_by_key( self::META_VERDICT );
	}

	/* ---------------------------------------------------------------------------------------------
	 * Talking to the service
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Headers for every request to the service.
	 */
	private static function request_headers(): array {
		$headers = array(
			'Content-Type' => 'application/json',
			'Accept'       => 'application/json',
		);
		$token   = self::settings()['token'];
		if ( '' !== $token ) {
			$headers['Authorization'] = 'Bearer ' . $token;
		}
		return $headers;
	}

	/**
	 * POST /v1/check. Returns the decoded answer (verdict, findings, …) or a WP_Error with code
	 * postwacht_unavailable when the service cannot be reached or does not answer 200.
	 *
	 * @param string $text        Plain text of the post.
	 * @param array  $attachments Attachment descriptions, e.g. array( array( 'type' => 'image' ) ).
	 * @return array|WP_Error
	 */
	public static function check( string $text, array $attachments = array() ) {
		if ( '' === trim( $text ) ) {
			return array(
				'verdict'  => 'ok',
				'findings' => array(),
			);
		}

		$settings = self::settings();
		$payload  = array(
			'text'        => $text,
			'author_role' => $settings['role'],
			'channel'     => 'website',
			'lang'        => str_starts_with( determine_locale(), 'nl' ) ? 'nl' : 'en',
		);
		if ( '' !== $settings['policy'] ) {
			$payload['policy'] = $settings['policy'];
			$payload['org']    = $settings['policy'];
		}
		if ( $attachments ) {
			$payload['attachments'] = array_values( $attachments );
		}

		/**
		 * Filters the body sent to POST /v1/check (for example to set author_role per user).
		 *
		 * @param array $payload Request body.
		 */
		$payload = (array) apply_filters( 'postwacht_request', $payload );
		$body    = wp_json_encode( $payload );
		if ( false === $body ) {
			return self::unavailable( 0 );
		}

		$response = wp_remote_post(
			$settings['url'] . '/v1/check',
			array(
				'timeout'     => (int) $settings['timeout'],
				'redirection' => 0,
				'headers'     => self::request_headers(),
				'body'        => $body,
				'data_format' => 'body',
			)
		);
		if ( is_wp_error( $response ) ) {
			// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- no post text, no matches.
			error_log( 'postwacht: service unreachable (no HTTP status)' );
			return self::unavailable( 0 );
		}

		$code   = (int) wp_remote_retrieve_response_code( $response );
		$answer = json_decode( wp_remote_retrieve_body( $response ), true );
		if ( 200 !== $code || ! is_array( $answer ) || ! in_array( $answer['verdict'] ?? null, array( 'ok', 'warn', 'block' ), true ) ) {
			// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- status code only.
			error_log( sprintf( 'postwacht: service answered HTTP %d', $code ) );
			$upstream = is_array( $answer ) && is_string( $answer['error']['code'] ?? null ) ? $answer['error']['code'] : '';
			return self::unavailable( $code, $upstream );
		}

		$answer['findings'] = is_array( $answer['findings'] ?? null ) ? array_values( array_filter( $answer['findings'], 'is_array' ) ) : array();
		return $answer;
	}

	/**
	 * The error for "no usable answer from the service".
	 *
	 * @param int    $http_status Status the service answered, 0 when it could not be reached.
	 * @param string $upstream    The service's error code (e.g. auth.required), if any.
	 */
	private static function unavailable( int $http_status, string $upstream = '' ): WP_Error {
		$data = array(
			'status'          => 503,
			'upstream_status' => $http_status,
			'fail_mode'       => self::settings()['fail_mode'],
		);
		if ( '' !== $upstream ) {
			$data['upstream_code'] = preg_replace( '/[^a-z0-9.\-]/', '', strtolower( $upstream ) );
		}
		return new WP_Error( 'postwacht_unavailable', __( 'The postwacht service could not check this post.', 'postwacht' ), $data );
	}

	/**
	 * Plain text of a post as the service should see it: tags stripped, entities decoded, and a line
	 * break between blocks, paragraphs and list items. Mirrored by plainText() in editor.js.
	 *
	 * @param string $title   Post title.
	 * @param string $content Post content (block markup or classic HTML).
	 */
	public static function plain_text( string $title, string $content ): string {
		$html = $title . "\n\n" . $content;
		$html = preg_replace( '/<!--.*?-->/s', "\n", $html );
		$html = preg_replace( '#<br\s*/?>#i', "\n", $html );
		$html = preg_replace( '#</(?:p|div|h[1-6]|li|dt|dd|blockquote|figcaption|pre|tr|td|th|figure|ul|ol|table)\s*>#i', "$0\n", $html );
		$text = wp_strip_all_tags( (string) $html );
		$text = html_entity_decode( $text, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		$text = preg_replace( "/[ \t]+\n/", "\n", $text );
		$text = preg_replace( "/\n{3,}/", "\n\n", $text );
		return trim( (string) $text );
	}

	/**
	 * The attachments to report: an image when the post has a featured image or image blocks, a video
	 * for video blocks. Mirrored by mediaKinds() in editor.js.
	 *
	 * @param string $content       Post content.
	 * @param bool   $has_thumbnail Whether the post has a featured image.
	 */
	public static function attachments( string $content, bool $has_thumbnail ): array {
		$attachments = array();
		if ( $has_thumbnail || preg_match( '/<img\b|<!--\s*wp:(?:image|gallery)\b/i', $content ) ) {
			$attachments[] = array( 'type' => 'image' );
		}
		if ( preg_match( '/<video\b|<!--\s*wp:video\b/i', $content ) ) {
			$attachments[] = array( 'type' => 'video' );
		}
		return $attachments;
	}

	/* ---------------------------------------------------------------------------------------------
	 * Masking and storing findings
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Replaces every letter and digit with •.
	 *
	 * @param string $value Matched text.
	 */
	public static function mask( string $value ): string {
		$masked = preg_replace( '/[\p{L}\p{N}]/u', self::MASK, $value );
		return null === $masked ? str_repeat( self::MASK, strlen( $value ) ) : $masked;
	}

	/**
	 * Findings fit for storing: matched values masked, also where a message quotes them; the
	 * normalized form and the fingerprint (an unsalted hash of it) are left out.
	 *
	 * @param array $findings Findings from the service.
	 */
	public static function mask_findings( array $findings ): array {
		$masked = array();
		foreach ( $findings as $finding ) {
			$needles = array_filter(
				array( (string) ( $finding['match'] ?? '' ), (string) ( $finding['normalized'] ?? '' ) ),
				static fn ( $needle ) => '' !== $needle
			);
			usort( $needles, static fn ( $a, $b ) => strlen( $b ) <=> strlen( $a ) );
			$hide = static function ( $text ) use ( $needles ) {
				$text = is_string( $text ) ? $text : '';
				foreach ( $needles as $needle ) {
					$text = str_replace( $needle, self::mask( $needle ), $text );
				}
				return $text;
			};

			$clauses = array();
			foreach ( (array) ( $finding['clauses'] ?? array() ) as $clause ) {
				$clauses[] = array_intersect_key( (array) $clause, array_flip( array( 'policy', 'organisation', 'section', 'number', 'quote' ) ) );
			}
			$match = self::mask( (string) ( $finding['match'] ?? '' ) );
			if ( mb_strlen( $match ) > 80 ) { // Post-level findings match the whole text.
				$match = mb_substr( $match, 0, 80 ) . '…';
			}

			$entry = array(
				'rule'       => (string) ( $finding['rule'] ?? '' ),
				'category'   => (string) ( $finding['category'] ?? '' ),
				'severity'   => (string) ( $finding['severity'] ?? '' ),
				'message'    => $hide( $finding['message'] ?? '' ),
				'match'      => $match,
				'span'       => $finding['span'] ?? null,
				'line'       => (int) ( $finding['line'] ?? 0 ),
				'column'     => (int) ( $finding['column'] ?? 0 ),
				'clauses'    => $clauses,
				'suggestion' => $hide( $finding['suggestion'] ?? '' ),
			);
			if ( isset( $finding['segment'] ) ) {
				$entry['segment'] = (string) $finding['segment'];
			}
			$masked[] = $entry;
		}
		return $masked;
	}

	/**
	 * Stores (warn, block) or clears (ok) the findings of a post. An unavailable service changes nothing.
	 *
	 * @param int            $post_id Post ID.
	 * @param array|WP_Error $result  Result of check().
	 */
	private static function store_result( int $post_id, $result ): void {
		if ( $post_id <= 0 || is_wp_error( $result ) ) {
			return;
		}
		if ( 'ok' === $result['verdict'] ) {
			delete_post_meta( $post_id, self::META_FINDINGS );
			delete_post_meta( $post_id, self::META_VERDICT );
			return;
		}
		$json = wp_json_encode( self::mask_findings( $result['findings'] ), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
		update_post_meta( $post_id, self::META_FINDINGS, wp_slash( (string) $json ) );
		update_post_meta( $post_id, self::META_VERDICT, $result['verdict'] );
	}

	/**
	 * Decides whether a post may go live. Returns null when it may (ok, warn, or unreachable service
	 * with fail mode "open"), else the WP_Error to report: postwacht_blocked (422) or
	 * postwacht_unavailable (503, fail mode "closed").
	 *
	 * @param array|WP_Error $result  Result of check().
	 * @param bool           $masked  Mask quoted matches in the message (for anything that is stored).
	 * @param string         $outcome 'draft' when the post is kept as draft, 'unchanged' when a live
	 *                                post keeps its published version.
	 */
	private static function hold_back( $result, bool $masked, string $outcome ): ?WP_Error {
		$what_happened = 'draft' === $outcome
			? __( 'The post was saved as a draft.', 'postwacht' )
			: __( 'The published version was not changed.', 'postwacht' );

		if ( is_wp_error( $result ) ) {
			if ( 'closed' !== self::settings()['fail_mode'] ) {
				self::add_notice( 'warning', __( 'The postwacht service could not check this post, so it went live without a check.', 'postwacht' ) );
				return null;
			}
			$data = (array) $result->get_error_data();
			return new WP_Error(
				'postwacht_unavailable',
				__( 'The postwacht service could not check this post, so it cannot go live yet.', 'postwacht' ) . ' ' . $what_happened,
				array_merge( $data, array( 'status' => 503 ) )
			);
		}
		if ( 'block' !== $result['verdict'] ) {
			return null;
		}

		// Errors first, so the message names what blocks the post.
		$findings = $result['findings'];
		usort( $findings, static fn ( $a, $b ) => ( 'error' === ( $b['severity'] ?? '' ) ) <=> ( 'error' === ( $a['severity'] ?? '' ) ) );
		$shown    = $masked ? self::mask_findings( array_slice( $findings, 0, 3 ) ) : array_slice( $findings, 0, 3 );
		$messages = array_map( static fn ( $f ) => (string) ( $f['message'] ?? $f['rule'] ?? '' ), $shown );
		$message  = sprintf(
			/* translators: %s: up to three finding messages separated by " · ". */
			__( 'postwacht: this post cannot go live: %s', 'postwacht' ),
			implode( ' · ', $messages )
		);
		$more = count( $findings ) - count( $shown );
		if ( $more > 0 ) {
			/* translators: %d: number of further findings. */
			$message .= ' ' . sprintf( _n( '(and %d more)', '(and %d more)', $more, 'postwacht' ), $more );
		}

		return new WP_Error(
			'postwacht_blocked',
			$message . '. ' . $what_happened,
			array(
				'status'   => 422,
				'verdict'  => 'block',
				'findings' => self::mask_findings( $result['findings'] ),
			)
		);
	}

	/* ---------------------------------------------------------------------------------------------
	 * Gate: block editor and other REST clients
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Hooks the REST gate for every checked post type (after post types are registered).
	 */
	public static function register_rest_gates(): void {
		foreach ( self::post_types() as $post_type ) {
			add_filter( "rest_pre_insert_{$post_type}", array( __CLASS__, 'gate_rest' ), 20, 2 );
			add_action( "rest_after_insert_{$post_type}", array( __CLASS__, 'after_rest_insert' ), 10, 2 );
		}
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
	 * Block (or fail closed): a post that is not live yet is saved as a draft and the request is
	 * answered with the error (see rest_answer_held_post); an update of a live post is refused, so
	 * the published version stays as it was.
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
		$was_live = $existing && in_array( $existing->post_status, self::LIVE_STATUSES, true );
		$status   = $prepared_post->post_status ?? ( $existing ? $existing->post_status : 'draft' );
		if ( ! in_array( $status, self::LIVE_STATUSES, true ) ) {
			return $prepared_post;
		}

		$title     = $prepared_post->post_title ?? ( $existing ? $existing->post_title : '' );
		$content   = $prepared_post->post_content ?? ( $existing ? $existing->post_content : '' );
		$thumbnail = isset( $request['featured_media'] ) ? (int) $request['featured_media'] : ( $id ? (int) get_post_thumbnail_id( $id ) : 0 );
		$result    = self::check( self::plain_text( (string) $title, (string) $content ), self::attachments( (string) $content, $thumbnail > 0 ) );
		$error     = self::hold_back( $result, false, $was_live ? 'unchanged' : 'draft' );

		if ( $error && $was_live ) {
			self::store_result( $id, $result );
			return $error;
		}
		if ( $error ) {
			$prepared_post->post_status = 'draft';
		}
		$map             = self::rest_state();
		$map[ $request ] = array(
			'result' => $result,
			'error'  => $error,
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
		self::store_result( (int) $post->ID, $state['result'] );
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
	 * Gate: classic editor and wp_insert_post()
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Checks a post about to be saved as publish/future outside the REST API; keeps it a draft on
	 * block (or fail closed). A classic save cannot be refused, so a live post goes back to draft too.
	 *
	 * @param array $data    Slashed post data to be saved.
	 * @param array $postarr Slashed post data as passed to wp_insert_post().
	 */
	public static function gate_classic( $data, $postarr ) {
		$id   = (int) ( $postarr['ID'] ?? 0 );
		$seen = array_search( $id, self::$rest_checked, true );
		if ( false !== $seen ) {
			unset( self::$rest_checked[ $seen ] );
			return $data;
		}
		if ( ( defined( 'WP_IMPORTING' ) && WP_IMPORTING )
			|| ! in_array( $data['post_type'] ?? '', self::post_types(), true )
			|| ! in_array( $data['post_status'] ?? '', self::LIVE_STATUSES, true ) ) {
			return $data;
		}

		$content   = wp_unslash( (string) ( $data['post_content'] ?? '' ) );
		$thumbnail = isset( $postarr['_thumbnail_id'] ) ? (int) $postarr['_thumbnail_id'] : ( $id ? (int) get_post_thumbnail_id( $id ) : 0 );
		$result    = self::check( self::plain_text( wp_unslash( (string) ( $data['post_title'] ?? '' ) ), $content ), self::attachments( $content, $thumbnail > 0 ) );
		$error     = self::hold_back( $result, true, 'draft' );

		self::$classic_pending[ $id ] = $result;
		if ( $error ) {
			$data['post_status']       = 'draft';
			self::$classic_held[ $id ] = true;
			self::add_notice( 'error', $error->get_error_message() );
		}
		return $data;
	}

	/**
	 * Stores the findings of a classic save once the post has its ID.
	 *
	 * @param int     $post_id Post ID.
	 * @param WP_Post $post    Post.
	 * @param bool    $update  Whether an existing post was updated.
	 */
	public static function after_classic_insert( $post_id, $post, $update ): void {
		$key = array_key_exists( $post_id, self::$classic_pending ) ? $post_id : null;
		if ( null === $key && ! $update && array_key_exists( 0, self::$classic_pending ) && in_array( $post->post_type, self::post_types(), true ) ) {
			$key = 0;
		}
		if ( null === $key ) {
			return;
		}
		self::store_result( (int) $post_id, self::$classic_pending[ $key ] );
		if ( isset( self::$classic_held[ $key ] ) ) {
			unset( self::$classic_held[ $key ] );
			self::$classic_held[ (int) $post_id ] = true;
		}
		unset( self::$classic_pending[ $key ] );
	}

	/**
	 * After a held classic save, say "Post draft updated." instead of "Post published.".
	 *
	 * @param string $location Redirect URL.
	 * @param int    $post_id  Post ID.
	 */
	public static function classic_redirect( $location, $post_id ) {
		return isset( self::$classic_held[ (int) $post_id ] ) ? add_query_arg( 'message', 10, $location ) : $location;
	}

	/**
	 * Queues an admin notice for the current user (shown on the next admin page).
	 *
	 * @param string $type    error, warning, success or info.
	 * @param string $message Text (must not contain unmasked matches: it is stored briefly).
	 */
	private static function add_notice( string $type, string $message ): void {
		$user_id = get_current_user_id();
		if ( ! $user_id ) {
			return;
		}
		$key       = 'postwacht_notice_' . $user_id;
		$notices   = (array) get_transient( $key );
		$notices[] = array(
			'type'    => $type,
			'message' => $message,
		);
		set_transient( $key, array_values( array_filter( $notices ) ), 5 * MINUTE_IN_SECONDS );
	}

	/**
	 * Shows and forgets the current user's queued notices.
	 */
	public static function show_notices(): void {
		$key     = 'postwacht_notice_' . get_current_user_id();
		$notices = get_transient( $key );
		if ( ! is_array( $notices ) ) {
			return;
		}
		delete_transient( $key );
		foreach ( $notices as $notice ) {
			printf(
				'<div class="notice notice-%1$s is-dismissible"><p>%2$s</p></div>',
				esc_attr( $notice['type'] ?? 'info' ),
				esc_html( $notice['message'] ?? '' )
			);
		}
	}

	/* ---------------------------------------------------------------------------------------------
	 * Editor panel: script and REST proxy
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Loads the pre-publish panel in the block editor for checked post types.
	 */
	public static function enqueue_editor(): void {
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		if ( ! $screen || ! in_array( $screen->post_type, self::post_types(), true ) ) {
			return;
		}
		wp_enqueue_script(
			'postwacht-editor',
			plugins_url( 'editor.js', __FILE__ ),
			array( 'wp-plugins', 'wp-edit-post', 'wp-editor', 'wp-element', 'wp-components', 'wp-data', 'wp-api-fetch', 'wp-i18n' ),
			self::VERSION,
			true
		);
		wp_add_inline_script(
			'postwacht-editor',
			'window.postwachtEditor = ' . wp_json_encode( array( 'failMode' => self::settings()['fail_mode'] ) ) . ';',
			'before'
		);
		wp_set_script_translations( 'postwacht-editor', 'postwacht' );
	}

	/**
	 * POST /wp-json/postwacht/v1/check: the editor's way to the service (the token stays on the server).
	 */
	public static function register_routes(): void {
		register_rest_route(
			'postwacht/v1',
			'/check',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( __CLASS__, 'rest_check' ),
				'permission_callback' => static fn () => current_user_can( 'edit_posts' ),
				'args'                => array(
					'text'        => array(
						'type'     => 'string',
						'required' => true,
					),
					'attachments' => array(
						'type'    => 'array',
						'default' => array(),
						'items'   => array(
							'type'       => 'object',
							'properties' => array(
								'type' => array(
									'type' => 'string',
									'enum' => array( 'image', 'video', 'audio', 'file' ),
								),
							),
						),
					),
				),
			)
		);
	}

	/**
	 * Proxies one check. Author role, policy pack and channel come from the settings, not the browser.
	 *
	 * @param WP_REST_Request $request The request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function rest_check( WP_REST_Request $request ) {
		$attachments = array();
		foreach ( (array) $request['attachments'] as $attachment ) {
			if ( is_array( $attachment ) && isset( $attachment['type'] ) ) {
				$attachments[] = array( 'type' => (string) $attachment['type'] );
			}
		}
		$result = self::check( (string) $request['text'], $attachments );
		return is_wp_error( $result ) ? $result : rest_ensure_response( $result );
	}
}

Postwacht_Prepublish::init();
