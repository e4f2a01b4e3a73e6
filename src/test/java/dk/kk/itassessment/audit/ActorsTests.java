package dk.kk.itassessment.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class ActorsTests {

    @AfterEach
    void leaveTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void outsideARequestTheActorIsTheSystem() {
        assertThat(Actors.current()).isEqualTo("system");
    }

    @Test
    void aRequestWithoutAPrincipalIsAnonymous() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        assertThat(Actors.current()).isEqualTo("anonymous");
    }

    @Test
    void anAuthenticatedRequestIsItsPrincipal() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setUserPrincipal(() -> "policy.officer");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        assertThat(Actors.current()).isEqualTo("policy.officer");
    }
}
