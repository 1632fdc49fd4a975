package io.ordo.adapters.web.customer;

import io.ordo.adapters.web.security.OrdoPrincipal;
import io.ordo.application.port.in.erasure.EraseCustomerUseCase;
import io.ordo.application.port.in.erasure.ErasedCustomer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Forgetting a customer in the permanent history (docs/api.md "Erasure"). */
@RestController
@RequestMapping(path = "/api/customers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Customers")
public class ErasureController {

    private final EraseCustomerUseCase erasure;

    public ErasureController(EraseCustomerUseCase erasure) {
        this.erasure = erasure;
    }

    @PostMapping(path = "/{customerId}/erase", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "eraseCustomer",
            summary = "Forget a customer's personal data in every order of theirs (admin)",
            description = "Every order of the customer in your tenant records CustomerErased (with you and the"
                    + " reason); from then on every answer about them shows \"[erased]\" for the customer's name,"
                    + " phone, e-mail, the delivery address and the contact snapshots, and q no longer finds them."
                    + " Stored events are not rewritten: their key is destroyed. orders counts the orders this call"
                    + " erased (0 when repeated). Orders taken later for the same customer id are not affected.")
    public ErasedCustomer erase(
            Authentication auth, @PathVariable String customerId, @RequestBody EraseCustomerRequest body) {
        return erasure.erase(OrdoPrincipal.callerOf(auth), customerId, body.reason());
    }
}
