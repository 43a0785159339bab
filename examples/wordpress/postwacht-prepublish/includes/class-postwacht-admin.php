<?php
/**
 * What people see: the settings page, Site Health, the findings in the classic editor and the posts
 * list (Quick Edit), notices, and the block editor's panel with its REST proxy.
 *
 * @package Postwacht
 */

defined( 'ABSPATH' ) || exit;

/**
 * Admin screens and the editor panel.
 */
final class Postwacht_Admin {

	/**
	 * The plugin's main file, for URLs and the Plugins screen link.
	 *
	 * @var string
	 */
	private static string $plugin_file = '';

	/**
	 * Hooks everything up.
	 *
	 * @param string $plugin_file The plugin's main file.
	 */
	public static function init( string $plugin_file ): void {
		self::$plugin_file = $plugin_file;
		add_action( 'admin_menu', array( __CLASS__, 'add_settings_page' ) );
		add_action( 'admin_init', array( __CLASS__, 'register_settings' ) );
		add_action( 'rest_api_init', array( __CLASS__, 'register_routes' ) );
		add_action( 'admin_notices', array( __CLASS__, 'show_notices' ) );
		add_action( 'enqueue_block_editor_assets', array( __CLASS__, 'enqueue_editor' ) );
		add_action( 'add_meta_boxes', array( __CLASS__, 'add_meta_box' ) );
		add_action( 'admin_init', array( __CLASS__, 'register_columns' ) );
		add_filter( 'site_status_tests', array( __CLASS__, 'site_status_tests' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( $plugin_file ), array( __CLASS__, 'action_links' ) );
	}

	/* ---------------------------------------------------------------------------------------------
	 * Settings
	 * ------------------------------------------------------------------------------------------- */

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
			Postwacht_Prepublish::OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => array( __CLASS__, 'sanitize_settings' ),
				'default'           => Postwacht_Prepublish::defaults(),
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
		add_settings_section(
			'postwacht_policy',
			__( 'Your school', 'postwacht' ),
			static function () {
				echo '<p>' . esc_html(
					sprintf(
						/* translators: %s: nl or en. */
						__( 'Messages come in the site language (Settings → General): %s.', 'postwacht' ),
						Postwacht_Prepublish::language()
					)
				) . '</p>';
			},
			'postwacht'
		);

		$fields = array(
			'url'       => array( __( 'Service URL', 'postwacht' ), 'postwacht_service' ),
			'token'     => array( __( 'Bearer token', 'postwacht' ), 'postwacht_service' ),
			'timeout'   => array( __( 'Timeout (seconds)', 'postwacht' ), 'postwacht_service' ),
			'fail_mode' => array( __( 'When the service is unreachable', 'postwacht' ), 'postwacht_service' ),
			'policy'    => array( __( "School's policy pack", 'postwacht' ), 'postwacht_policy' ),
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
		$settings = Postwacht_Prepublish::settings();
		$key      = $args['key'];
		$name     = Postwacht_Prepublish::OPTION . '[' . $key . ']';
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
						esc_attr( Postwacht_Prepublish::OPTION . '[token_clear]' ),
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
					'closed' => __( 'Fail closed (default): keep the post as a draft until the service answers again', 'postwacht' ),
					'open'   => __( 'Fail open: publish without a check and say so', 'postwacht' ),
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
				echo '<p class="description">' . esc_html__( 'A wrong token or an unknown policy pack is not an outage: posts are held in either mode until it is fixed.', 'postwacht' ) . '</p>';
				break;

			case 'policy':
				self::render_policy_field( $id, $name, $settings['policy'] );
				break;

			case 'role':
				printf( '<select id="%1$s" name="%2$s">', esc_attr( $id ), esc_attr( $name ) );
				foreach ( Postwacht_Prepublish::ROLES as $role ) {
					printf( '<option value="%1$s"%2$s>%1$s</option>', esc_attr( $role ), selected( $settings['role'], $role, false ) );
				}
				echo '</select>';
				echo '<p class="description">' . esc_html__( 'Who writes the posts on this site. Some rules depend on it.', 'postwacht' ) . '</p>';
				break;
		}
	}

	/**
	 * The pack field: the packs the service knows (custom ones too) in a list, or a text field for
	 * the id when the service cannot be asked.
	 *
	 * @param string $id      Field id.
	 * @param string $name    Field name.
	 * @param string $current Saved pack id.
	 */
	private static function render_policy_field( string $id, string $name, string $current ): void {
		$packs = Postwacht_Prepublish::service_policies();
		if ( null === $packs ) {
			printf(
				'<input type="text" class="regular-text code" id="%1$s" name="%2$s" value="%3$s" pattern="[a-z0-9][a-z0-9._\-]*">',
				esc_attr( $id ),
				esc_attr( $name ),
				esc_attr( $current )
			);
			echo '<p class="description">' . esc_html__( 'The service cannot be asked for its packs right now: type the id of your school\'s pack (e.g. regenboog).', 'postwacht' ) . '</p>';
			return;
		}
		if ( '' !== $current && ! isset( $packs[ $current ] ) ) {
			/* translators: %s: pack id. */
			$packs[ $current ] = sprintf( __( '%s (not known to the service)', 'postwacht' ), $current );
		}
		printf( '<select id="%1$s" name="%2$s">', esc_attr( $id ), esc_attr( $name ) );
		printf( '<option value=""%s>%s</option>', selected( $current, '', false ), esc_html__( '— not chosen: all rules, no school\'s clauses —', 'postwacht' ) );
		foreach ( $packs as $pack => $school ) {
			printf( '<option value="%1$s"%2$s>%3$s</option>', esc_attr( $pack ), selected( $current, $pack, false ), esc_html( $school . ' (' . $pack . ')' ) );
		}
		echo '</select>';
		echo '<p class="description">' . esc_html__( "Your school's policy pack: only its rules, its severities and its clauses are used, and every check says so (policy and org). Custom packs in the service's policies/ folder (postwacht serve --lexicons) are listed too.", 'postwacht' ) . '</p>';
	}

	/**
	 * Sanitizes the settings array. Idempotent: WordPress may run it twice when the option is first added.
	 *
	 * @param mixed $input Submitted values.
	 */
	public static function sanitize_settings( $input ): array {
		$old   = Postwacht_Prepublish::settings();
		$input = is_array( $input ) ? $input : array();
		$out   = $old;

		if ( isset( $input['url'] ) ) {
			$url = esc_url_raw( trim( (string) $input['url'] ), array( 'http', 'https' ) );
			if ( '' === $url ) {
				add_settings_error( Postwacht_Prepublish::OPTION, 'postwacht_url', __( 'The service URL must start with http:// or https://.', 'postwacht' ) );
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
			$policy = strtolower( trim( (string) $input['policy'] ) );
			if ( '' === $policy || preg_match( Postwacht_Prepublish::POLICY_PATTERN, $policy ) ) {
				$out['policy'] = $policy;
			} else {
				add_settings_error( Postwacht_Prepublish::OPTION, 'postwacht_policy', __( 'A policy pack id has lowercase letters, digits, dots and dashes only.', 'postwacht' ) );
			}
		}
		if ( isset( $input['role'] ) && in_array( $input['role'], Postwacht_Prepublish::ROLES, true ) ) {
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
		$health = Postwacht_Prepublish::service_health();
		$class  = array(
			'good'        => 'notice-success',
			'recommended' => 'notice-warning',
		)[ $health['status'] ] ?? 'notice-error';
		?>
		<div class="wrap">
			<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
			<div id="postwacht-health" class="notice inline <?php echo esc_attr( $class ); ?>" data-status="<?php echo esc_attr( $health['status'] ); ?>"><p><?php echo esc_html( $health['message'] ); ?></p></div>
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

	/* ---------------------------------------------------------------------------------------------
	 * Site Health
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Adds the service check to Tools → Site Health.
	 *
	 * @param array $tests Site Health tests.
	 */
	public static function site_status_tests( $tests ) {
		$tests['direct']['postwacht_service'] = array(
			'label' => __( 'postwacht service', 'postwacht' ),
			'test'  => array( __CLASS__, 'site_health_test' ),
		);
		return $tests;
	}

	/**
	 * The Site Health result: whether posts can be checked with the saved settings.
	 */
	public static function site_health_test(): array {
		$health = Postwacht_Prepublish::service_health();
		$labels = array(
			'good'        => __( 'The postwacht service checks posts before they go live', 'postwacht' ),
			'recommended' => __( 'postwacht has no policy pack for this school', 'postwacht' ),
			'critical'    => __( 'The postwacht service cannot check posts', 'postwacht' ),
		);
		return array(
			'label'       => $labels[ $health['status'] ],
			'status'      => $health['status'],
			'badge'       => array(
				'label' => __( 'postwacht', 'postwacht' ),
				'color' => 'good' === $health['status'] ? 'blue' : 'red',
			),
			'description' => '<p>' . esc_html( $health['message'] ) . '</p>',
			'actions'     => sprintf( '<p><a href="%s">%s</a></p>', esc_url( admin_url( 'options-general.php?page=postwacht' ) ), esc_html__( 'Settings → postwacht', 'postwacht' ) ),
			'test'        => 'postwacht_service',
		);
	}

	/* ---------------------------------------------------------------------------------------------
	 * Findings in the classic editor and the posts list
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * A "postwacht" box beside the classic editor (the block editor has its own panel).
	 */
	public static function add_meta_box(): void {
		add_meta_box(
			'postwacht',
			__( 'postwacht', 'postwacht' ),
			array( __CLASS__, 'render_meta_box' ),
			Postwacht_Prepublish::post_types(),
			'side',
			'high',
			array( '__back_compat_meta_box' => true )
		);
	}

	/**
	 * The last check of the post being edited.
	 *
	 * @param WP_Post $post The post.
	 */
	public static function render_meta_box( $post ): void {
		$stored = Postwacht_Prepublish::stored_result( (int) $post->ID );
		echo '<div class="postwacht-result" data-verdict="' . esc_attr( (string) $stored['verdict'] ) . '">';
		self::render_result( $stored, 10 );
		echo '</div>';
	}

	/**
	 * Verdict, note and findings (masked, as stored).
	 *
	 * @param array $stored What stored_result() gave.
	 * @param int   $limit  Findings to list at most.
	 */
	private static function render_result( array $stored, int $limit ): void {
		$labels = array(
			'ok'        => __( 'Checked: no problems.', 'postwacht' ),
			'warn'      => __( 'Checked: please look at the warnings.', 'postwacht' ),
			'block'     => __( 'Held back: this post cannot go live yet.', 'postwacht' ),
			'unchecked' => __( 'Not checked: the service did not answer.', 'postwacht' ),
		);
		if ( null === $stored['verdict'] ) {
			echo '<p>' . esc_html__( 'Checked when the post is published.', 'postwacht' ) . '</p>';
			return;
		}
		echo '<p><strong>' . esc_html( $labels[ $stored['verdict'] ] ?? $stored['verdict'] ) . '</strong></p>';
		if ( '' !== $stored['note'] ) {
			echo '<p class="postwacht-note">' . esc_html( $stored['note'] ) . '</p>';
		}
		if ( ! $stored['findings'] ) {
			return;
		}
		echo '<ul class="postwacht-findings">';
		foreach ( array_slice( $stored['findings'], 0, $limit ) as $finding ) {
			$clause = $finding['clauses'][0] ?? null;
			printf(
				'<li data-rule="%1$s" data-severity="%2$s"><strong>%3$s</strong> %4$s%5$s</li>',
				esc_attr( (string) $finding['rule'] ),
				esc_attr( (string) $finding['severity'] ),
				esc_html( strtoupper( (string) $finding['severity'] ) ),
				esc_html( (string) $finding['message'] ),
				$clause ? '<br><em>' . esc_html( trim( ( $clause['organisation'] ?? '' ) . ' — ' . ( $clause['section'] ?? '' ), ' —' ) ) . '</em>' : ''
			);
		}
		echo '</ul>';
		$more = count( $stored['findings'] ) - $limit;
		if ( $more > 0 ) {
			/* translators: %d: number of findings not listed. */
			echo '<p>' . esc_html( sprintf( _n( 'and %d more', 'and %d more', $more, 'postwacht' ), $more ) ) . '</p>';
		}
	}

	/**
	 * A postwacht column in the posts list: after a Quick Edit the row is drawn again, so a held post
	 * shows why at once instead of only "Draft".
	 */
	public static function register_columns(): void {
		foreach ( Postwacht_Prepublish::post_types() as $post_type ) {
			add_filter( "manage_{$post_type}_posts_columns", array( __CLASS__, 'add_column' ) );
			add_action( "manage_{$post_type}_posts_custom_column", array( __CLASS__, 'render_column' ), 10, 2 );
		}
	}

	/**
	 * Adds the column.
	 *
	 * @param array $columns Columns.
	 */
	public static function add_column( $columns ) {
		$columns['postwacht'] = __( 'postwacht', 'postwacht' );
		return $columns;
	}

	/**
	 * Draws the column of one row.
	 *
	 * @param string $column  Column key.
	 * @param int    $post_id Post ID.
	 */
	public static function render_column( $column, $post_id ): void {
		if ( 'postwacht' !== $column ) {
			return;
		}
		$stored = Postwacht_Prepublish::stored_result( (int) $post_id );
		echo '<div class="postwacht-result" data-verdict="' . esc_attr( (string) $stored['verdict'] ) . '">';
		self::render_result( $stored, 2 );
		echo '</div>';
	}

	/**
	 * Shows and forgets the current user's queued notices.
	 */
	public static function show_notices(): void {
		foreach ( Postwacht_Prepublish::take_notices() as $notice ) {
			printf(
				'<div class="notice notice-%1$s is-dismissible postwacht-notice"><p>%2$s</p></div>',
				esc_attr( $notice['type'] ?? 'info' ),
				esc_html( $notice['message'] ?? '' )
			);
		}
	}

	/* ---------------------------------------------------------------------------------------------
	 * Block editor panel: script and REST proxy
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Loads the pre-publish panel in the block editor for checked post types.
	 */
	public static function enqueue_editor(): void {
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		if ( ! $screen || ! in_array( $screen->post_type, Postwacht_Prepublish::post_types(), true ) ) {
			return;
		}
		wp_enqueue_script(
			'postwacht-editor',
			plugins_url( 'editor.js', self::$plugin_file ),
			array( 'wp-plugins', 'wp-edit-post', 'wp-editor', 'wp-blocks', 'wp-block-editor', 'wp-element', 'wp-components', 'wp-data', 'wp-api-fetch', 'wp-i18n' ),
			Postwacht_Prepublish::VERSION,
			true
		);
		wp_add_inline_script(
			'postwacht-editor',
			'window.postwachtEditor = ' . wp_json_encode( array( 'failMode' => Postwacht_Prepublish::settings()['fail_mode'] ) ) . ';',
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
					'text'        => array( 'type' => 'string' ),
					'segments'    => array(
						'type'     => 'array',
						'maxItems' => 2000,
						'items'    => array(
							'type'       => 'object',
							'required'   => array( 'id', 'text' ),
							'properties' => array(
								'id'   => array( 'type' => 'string' ),
								'text' => array( 'type' => 'string' ),
							),
						),
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
	 * Proxies one check: the whole text, or one segment per block (so the panel can mark the words in
	 * each block). Author role, policy pack and channel come from the settings, not the browser.
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
		$segments = null;
		if ( is_array( $request['segments'] ) && $request['segments'] ) {
			$segments = array_map(
				static fn ( $segment ) => array(
					'id'   => (string) $segment['id'],
					'text' => (string) $segment['text'],
				),
				$request['segments']
			);
		} elseif ( ! is_string( $request['text'] ) ) {
			return new WP_Error( 'rest_missing_callback_param', __( 'Send text or segments.', 'postwacht' ), array( 'status' => 400 ) );
		}
		$result = Postwacht_Prepublish::check( (string) $request['text'], $attachments, $segments );
		return is_wp_error( $result ) ? $result : rest_ensure_response( $result );
	}
}
