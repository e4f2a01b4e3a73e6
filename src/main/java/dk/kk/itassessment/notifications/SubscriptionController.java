package dk.kk.itassessment.notifications;

import dk.kk.itassessment.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/cases/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifications", description = "Subscribe to a case and be told of its changes by e-mail: the requester "
        + "from the opening, the assignee from the assignment, anyone who may read the case when they subscribe.")
class SubscriptionController {

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PutMapping("/subscription")
    @Operation(summary = "Subscribe to a case", description = "The caller's account's e-mail address is told of "
            + "every change but their own (batched). 204; 404 when the case is not the caller's to read; 422 for an "
            + "account without an e-mail address.")
    ResponseEntity<Void> subscribe(@PathVariable String number, Authentication caller) {
        subscriptions.subscribe(number, Caller.of(caller));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/subscription")
    @Operation(summary = "Unsubscribe from a case", description = "204, also when the caller was not subscribed.")
    ResponseEntity<Void> unsubscribe(@PathVariable String number, Authentication caller) {
        subscriptions.unsubscribe(number, Caller.of(caller));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/subscribers")
    @Operation(summary = "Who is told of a case's changes", description = "The subscribed e-mail addresses.")
    List<String> subscribers(@PathVariable String number, Authentication caller) {
        return subscriptions.subscribers(number, Caller.of(caller));
    }
}
