package dk.kk.itassessment.access;

import dk.kk.itassessment.platform.PageController;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page: username and password of a local account (checked by the page security's form login), and a
 * button per identity provider where OIDC client registrations are configured. Whether a failed login was a wrong
 * password, an unknown user, a disabled or a locked-out account is not said (as for HTTP Basic).
 */
@PageController
class LoginPage {

    /** A way to sign in with an identity provider: its name and where the sign-in starts. */
    record Provider(String name, String href) {
    }

    private final List<Provider> providers;

    LoginPage(ObjectProvider<ClientRegistrationRepository> clients) {
        List<Provider> found = new ArrayList<>();
        if (clients.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                if (registration instanceof ClientRegistration client) {
                    found.add(new Provider(client.getClientName(),
                            "/oauth2/authorization/" + client.getRegistrationId()));
                }
            }
        }
        this.providers = List.copyOf(found);
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("providers", providers);
        return "login";
    }
}
