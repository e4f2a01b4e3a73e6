package dk.kk.itassessment.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of pages for people (Thymeleaf views), as opposed to the API's {@code @RestController}s: its
 * {@link NotFound}, {@link Forbidden} and unexpected failures are answered with an HTML error page in the page's
 * language ({@link PageErrors}) instead of problem details, and its model has the signed-in person
 * ({@code viewer}, see access/PageViewer) that the layout needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
