package dk.kk.itassessment.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The pages' two languages: Danish unless the person chose English with {@code ?lang=en} (and back with
 * {@code ?lang=da}), remembered in the {@value #COOKIE} cookie. Only these two: any other {@code lang} or cookie
 * value is Danish, so that {@code <html lang>} always names the language the page is written in. The API is not
 * touched: its answers carry both languages.
 *
 * <p>The texts: the message files {@code spring.messages.basename} names that exist (each page feature adds its
 * own). One that does not exist is left out here, as Spring would look for it, and fail with an exception, at every
 * look-up of every text.
 */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

    static final String COOKIE = "lang";
    static final String PARAMETER = "lang";
    static final Locale DANISH = Locale.forLanguageTag("da");
    static final Set<String> LANGUAGES = Set.of("da", "en");

    private final TwoLanguages languages = new TwoLanguages();

    @Bean
    MessageSource messageSource(Environment environment) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        String names = environment.getProperty("spring.messages.basename", "messages");
        messages.setBasenames(Arrays.stream(names.split(",")).map(String::strip)
                .filter(name -> !name.isEmpty() && new ClassPathResource(name + ".properties").exists())
                .toArray(String[]::new));
        messages.setDefaultEncoding(environment.getProperty("spring.messages.encoding", "UTF-8"));
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        return languages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageChoice(languages)).excludePathPatterns("/api/**", "/actuator/**");
    }

    /** The cookie's language if it is one of ours, else Danish. */
    static final class TwoLanguages extends CookieLocaleResolver {

        TwoLanguages() {
            super(COOKIE);
            setDefaultLocaleFunction(request -> DANISH);
            setCookieMaxAge(Duration.ofDays(365));
            setCookieHttpOnly(true);
            setCookieSameSite("Lax");
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            Locale locale = super.resolveLocale(request);
            return LANGUAGES.contains(locale.getLanguage()) ? Locale.forLanguageTag(locale.getLanguage()) : DANISH;
        }
    }

    /** {@code ?lang=da|en} sets the language for this request and remembers it; other values are ignored. */
    record LanguageChoice(LocaleResolver languages) implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter(PARAMETER);
            if (lang != null && LANGUAGES.contains(lang)) {
                languages.setLocale(request, response, Locale.forLanguageTag(lang));
            }
            return true;
        }
    }
}
